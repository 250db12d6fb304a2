import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { getWorkspacePreferences } from "@/lib/domain/preferences/get-workspace-preferences";
import { updateWorkspacePreferencesAction } from "../workspaces/[ws]/preferences/actions";
import { updateOrganizationPreferencesAction } from "./preferences-actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Org Prefs Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

describe("updateOrganizationPreferencesAction", () => {
  it("changes a default that an inheriting workspace follows, but not one that sets its own", async () => {
    actAs(admin);
    const inheriting = (await makeWorkspace(admin, orgId)).workspace_id;
    const own = (await makeWorkspace(admin, orgId)).workspace_id;
    const read = async (ws: string) => getWorkspacePreferences(await authorize(admin.ctx, "read:Preferences", { organizationId: orgId, workspaceId: ws }));
    expect((await updateWorkspacePreferencesAction(orgId, own, { general: { time_zone: "Asia/Tokyo" } }, "general.time_zone")).ok).toBe(true);

    const res = await updateOrganizationPreferencesAction(orgId, { general: { time_zone: "Europe/Zurich", decimal_symbol: "DECIMAL_SYMBOL_COMMA" } }, "general.time_zone,general.decimal_symbol");
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect((await read(inheriting)).effective_general).toMatchObject({ time_zone: "Europe/Zurich", decimal_symbol: "DECIMAL_SYMBOL_COMMA" });
    expect((await read(inheriting)).effective_general.sources.time_zone).toBe("ORGANIZATION");
    expect((await read(own)).effective_general).toMatchObject({ time_zone: "Asia/Tokyo", decimal_symbol: "DECIMAL_SYMBOL_COMMA" });
    const entries = await (await db()).auditLogEntry.findMany({ where: { organizationId: orgId, action: "organization_preferences.update" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.id, workspaceId: null });
    expect(entries[0].changes).toMatchObject({ after: { general: { time_zone: "Europe/Zurich", decimal_symbol: "DECIMAL_SYMBOL_COMMA" } } });
  });

  it("refuses a stale etag with ABORTED, and an invalid value naming its field", async () => {
    const owner = await makeUser("Org Prefs Owner");
    const org = (await makeOrg(owner)).organization_id;
    actAs(owner);
    const first = await updateOrganizationPreferencesAction(org, { general: { decimal_places: 4 } }, "general.decimal_places");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect((await updateOrganizationPreferencesAction(org, { general: { decimal_places: 5 }, etag: first.data.etag }, "general.decimal_places")).ok).toBe(true);
    const stale = await updateOrganizationPreferencesAction(org, { general: { decimal_places: 6 }, etag: first.data.etag }, "general.decimal_places");
    expect(!stale.ok && stale.error.code).toBe("ABORTED");
    const bad = await updateOrganizationPreferencesAction(org, { general: { time_format: "TIME_FORMAT_36_HOUR" } }, "general.time_format");
    expect(!bad.ok && bad.error.fieldViolations.map((v) => v.field)).toEqual(["general.time_format"]);
  });

  it("refuses an organization member who is not an admin", async () => {
    const member = await makeUser("Org Prefs Member");
    await addMember(member.id, orgId, ["org-member"]);
    actAs(member);
    const res = await updateOrganizationPreferencesAction(orgId, { general: { time_zone: "UTC" } }, "general.time_zone");
    expect(!res.ok && res.error.code).toBe("PERMISSION_DENIED");
  });
});
