import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { updateWorkspacePreferencesAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Prefs Action Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

async function preferenceEntries(wsId: string) {
  return (await db()).auditLogEntry.findMany({ where: { workspaceId: wsId, action: { startsWith: "preferences." } }, orderBy: { createdAt: "asc" } });
}

describe("updateWorkspacePreferencesAction", () => {
  it("sets the masked fields, resets one to inherit with null, moves the etag on and writes one audit entry each", async () => {
    actAs(admin);
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const set = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMMM_YYYY", decimal_places: 3 } }, "general.time_zone,general.date_format");
    expect(set.ok, JSON.stringify(set)).toBe(true);
    if (!set.ok) return;
    // decimal_places was outside the mask: left unset.
    expect(set.data.general).toMatchObject({ time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMMM_YYYY" });
    expect(set.data.general.decimal_places).toBeUndefined();
    expect(set.data.effective_general.sources).toMatchObject({ time_zone: "WORKSPACE", date_format: "WORKSPACE", decimal_places: "DEFAULT" });

    const reset = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: null }, etag: set.data.etag }, "general.time_zone");
    expect(reset.ok, JSON.stringify(reset)).toBe(true);
    if (!reset.ok) return;
    expect(reset.data.etag).not.toBe(set.data.etag);
    expect(reset.data.general.time_zone).toBe("");
    expect(reset.data.effective_general).toMatchObject({ time_zone: "UTC", date_format: "DATE_FORMAT_DD_MMMM_YYYY" });
    expect(reset.data.effective_general.sources.time_zone).toBe("DEFAULT");

    const entries = await preferenceEntries(ws);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorId: admin.id, action: "preferences.update" });
    expect(entries[1].changes).toMatchObject({ before: { general: { time_zone: "Asia/Tokyo" } }, after: { general: { time_zone: null } } });
  });

  it("refuses a stale etag with ABORTED and keeps the other change", async () => {
    actAs(admin);
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const first = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "Europe/Rome" } }, "general.time_zone");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const other = await updateWorkspacePreferencesAction(orgId, ws, { general: { date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" }, etag: first.data.etag }, "general.date_format");
    expect(other.ok).toBe(true);
    if (!other.ok) return;
    const stale = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "Europe/Oslo" }, etag: first.data.etag }, "general.time_zone");
    expect(!stale.ok && stale.error.code).toBe("ABORTED");
    // Keeping one's own change on top of the other one: the same edit against the newer etag.
    const kept = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "Europe/Oslo" }, etag: other.data.etag }, "general.time_zone");
    expect(kept.ok && kept.data.general).toMatchObject({ time_zone: "Europe/Oslo", date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" });
  });

  it("names the refused field: an unknown zone, decimal places out of range, support access over 30 days", async () => {
    actAs(admin);
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const zone = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "Mars/Olympus" } }, "general.time_zone");
    expect(!zone.ok && zone.error.code).toBe("INVALID_ARGUMENT");
    expect(!zone.ok && zone.error.fieldViolations.map((v) => v.field)).toEqual(["general.time_zone"]);
    const places = await updateWorkspacePreferencesAction(orgId, ws, { general: { decimal_places: 11 } }, "general.decimal_places");
    expect(!places.ok && places.error.fieldViolations.map((v) => v.field)).toEqual(["general.decimal_places"]);
    const tooLong = new Date(Date.now() + 31 * 86_400_000).toISOString();
    const support = await updateWorkspacePreferencesAction(orgId, ws, { support_team_access: true, support_access_expire_time: tooLong }, "support_team_access,support_access_expire_time");
    expect(!support.ok && support.error.code).toBe("INVALID_ARGUMENT");
    expect(!support.ok && support.error.fieldViolations.map((v) => v.field)).toEqual(["support_access_expire_time"]);
    expect(await preferenceEntries(ws)).toHaveLength(0);
  });

  it("grants support access for a limited time and records the grant", async () => {
    actAs(admin);
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const res = await updateWorkspacePreferencesAction(orgId, ws, { support_team_access: true, support_access_expire_time: until }, "support_team_access,support_access_expire_time");
    expect(res.ok && res.data).toMatchObject({ support_team_access: true, support_access_expire_time: until });
    const entries = await (await db()).auditLogEntry.findMany({ where: { workspaceId: ws, action: "support_access.grant" } });
    expect(entries).toHaveLength(1);
  });

  it("lets a viewer read but not change preferences, and hides another organization's workspace", async () => {
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const viewer = await makeUser("Prefs Viewer");
    await addMember(viewer.id, orgId, ["org-member"], { id: ws, roles: ["workspace-viewer"] });
    actAs(viewer);
    const denied = await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "UTC" } }, "general.time_zone");
    expect(!denied.ok && denied.error.code).toBe("PERMISSION_DENIED");

    const stranger = await makeUser("Prefs Stranger");
    const otherOrg = (await makeOrg(stranger)).organization_id;
    actAs(stranger);
    const foreign = await updateWorkspacePreferencesAction(otherOrg, ws, { general: { time_zone: "UTC" } }, "general.time_zone");
    expect(!foreign.ok && foreign.error.code).toBe("NOT_FOUND");
    const signedOut = (actAs(undefined), await updateWorkspacePreferencesAction(orgId, ws, { general: { time_zone: "UTC" } }, "general.time_zone"));
    expect(!signedOut.ok && signedOut.error.code).toBe("UNAUTHENTICATED");
    expect(await preferenceEntries(ws)).toHaveLength(0);
  });
});
