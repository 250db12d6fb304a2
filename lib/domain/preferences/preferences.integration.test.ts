import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/api/errors";
import { parseWith } from "@/lib/api/http";
import { authorize } from "@/lib/auth/authorize";
import { authorizeOperation, parseOperationInput } from "@/lib/operations/execute";
import { UpdateOrganizationPreferences, UpdateWorkspacePreferences } from "@/lib/operations/preferences";
import type { OrgAccess, WorkspaceAccess } from "@/lib/auth/authorize";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosSchemaValidator, kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { WorkspacePreferencesUpdateInput, type OrganizationPreferencesUpdateInput } from "@/lib/schemas/preferences";
import { getWorkspacePreferences } from "./get-workspace-preferences";
import { getOrganizationPreferences } from "./get-organization-preferences";
import { updateWorkspacePreferences } from "./update-workspace-preferences";
import { updateOrganizationPreferences } from "./update-organization-preferences";
import { endExpiredSupportAccess } from "./support-access";

async function setup() {
  const owner = await makeUser("Prefs Owner");
  const orgId = (await makeOrg(owner)).organization_id;
  const ws = await makeWorkspace(owner, orgId);
  return { owner, orgId, wsId: ws.workspace_id };
}

const wsRead = (u: TestUser, orgId: string, wsId: string) => authorize(u.ctx, "read:Preferences", { organizationId: orgId, workspaceId: wsId });
const wsWrite = (u: TestUser, orgId: string, wsId: string) => authorize(u.ctx, "update:Preferences", { organizationId: orgId, workspaceId: wsId });
const orgWrite = (u: TestUser, orgId: string) => authorize(u.ctx, "update:Organization", { organizationId: orgId });

// Through the registry's own authorization and parsing (mask, etag), then the domain call, so a
// test can pass its own clock.
async function patchWs(u: TestUser, orgId: string, wsId: string, body: Record<string, unknown>, opts: { mask?: string; ifMatch?: string; now?: Date } = {}) {
  const params = { organization_id: orgId, workspace_id: wsId };
  const access = (await authorizeOperation(UpdateWorkspacePreferences, u.ctx, params)) as WorkspaceAccess;
  const parsed = parseOperationInput(UpdateWorkspacePreferences, { params, body, query: opts.mask ? { update_mask: opts.mask } : {}, ifMatch: opts.ifMatch });
  return updateWorkspacePreferences(u.ctx, access, { input: parsed.body as WorkspacePreferencesUpdateInput, paths: parsed.paths, preconditions: parsed.preconditions, now: opts.now });
}

async function patchOrg(u: TestUser, orgId: string, body: Record<string, unknown>, opts: { mask?: string; ifMatch?: string } = {}) {
  const params = { organization_id: orgId };
  const access = (await authorizeOperation(UpdateOrganizationPreferences, u.ctx, params)) as OrgAccess;
  const parsed = parseOperationInput(UpdateOrganizationPreferences, { params, body, query: opts.mask ? { update_mask: opts.mask } : {}, ifMatch: opts.ifMatch });
  return updateOrganizationPreferences(u.ctx, access, { input: parsed.body as OrganizationPreferencesUpdateInput, paths: parsed.paths, preconditions: parsed.preconditions });
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, "expected the call to fail").toBeInstanceOf(ApiError);
  return e as ApiError;
}

async function auditActions(wsId: string) {
  const rows = await (await db()).auditLogEntry.findMany({ where: { workspaceId: wsId }, orderBy: { createdAt: "asc" } });
  return rows;
}

describe("inheritance", () => {
  it("a new workspace inherits everything: defaults first, then whatever the organization sets", async () => {
    const { owner, orgId, wsId } = await setup();
    const fresh = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(fresh.effective_general).toMatchObject({ time_zone: "UTC", time_format: "TIME_FORMAT_24_HOUR", date_format: "DATE_FORMAT_YYYY_MM_DD_DASH", decimal_symbol: "DECIMAL_SYMBOL_PERIOD", decimal_places: 2, measurement_system: "MEASUREMENT_SYSTEM_METRIC" });
    expect(Object.values(fresh.effective_general.sources)).toEqual(Array(6).fill("DEFAULT"));
    expect(fresh.general).toEqual({ time_zone: "", time_format: "TIME_FORMAT_UNSPECIFIED", date_format: "DATE_FORMAT_UNSPECIFIED", decimal_symbol: "DECIMAL_SYMBOL_UNSPECIFIED", measurement_system: "MEASUREMENT_SYSTEM_UNSPECIFIED" });

    await patchOrg(owner, orgId, { general: { time_zone: "Europe/Zurich", decimal_places: 3 } });
    const after = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(after.effective_general).toMatchObject({ time_zone: "Europe/Zurich", decimal_places: 3 });
    expect(after.effective_general.sources).toMatchObject({ time_zone: "ORGANIZATION", decimal_places: "ORGANIZATION", time_format: "DEFAULT" });
    expect(after.general.time_zone).toBe("");
  });

  it("a workspace value wins over the organization's; changing the organization later moves only the inheriting ones, without writing them", async () => {
    const { owner, orgId, wsId } = await setup();
    const other = (await makeWorkspace(owner, orgId)).workspace_id;
    const own = await patchWs(owner, orgId, wsId, { general: { time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMM_YYYY" } });
    expect(own.general).toMatchObject({ time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMM_YYYY" });
    expect(own.effective_general.sources).toMatchObject({ time_zone: "WORKSPACE", date_format: "WORKSPACE" });

    const prisma = await db();
    const versionsBefore = await prisma.workspacePreferences.findMany({ where: { workspace: { organizationId: orgId } }, select: { workspaceId: true, version: true }, orderBy: { workspaceId: "asc" } });
    await patchOrg(owner, orgId, { general: { time_zone: "America/New_York", date_format: "DATE_FORMAT_MM_DD_YYYY_SLASH" } });
    const versionsAfter = await prisma.workspacePreferences.findMany({ where: { workspace: { organizationId: orgId } }, select: { workspaceId: true, version: true }, orderBy: { workspaceId: "asc" } });
    expect(versionsAfter).toEqual(versionsBefore);

    const mine = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(mine.effective_general).toMatchObject({ time_zone: "Asia/Tokyo", date_format: "DATE_FORMAT_DD_MMM_YYYY" });
    const theirs = await getWorkspacePreferences(await wsRead(owner, orgId, other));
    expect(theirs.effective_general).toMatchObject({ time_zone: "America/New_York", date_format: "DATE_FORMAT_MM_DD_YYYY_SLASH" });
    expect(theirs.effective_general.sources.time_zone).toBe("ORGANIZATION");
  });

  it("resets a field to inherit with UNSPECIFIED, an empty string, null, or a mask path absent from the body", async () => {
    const { owner, orgId, wsId } = await setup();
    await patchOrg(owner, orgId, { general: { time_zone: "Europe/Paris", time_format: "TIME_FORMAT_12_HOUR", decimal_places: 1, measurement_system: "MEASUREMENT_SYSTEM_IMPERIAL" } });
    await patchWs(owner, orgId, wsId, {
      general: { time_zone: "Asia/Kolkata", time_format: "TIME_FORMAT_24_HOUR", decimal_places: 0, measurement_system: "MEASUREMENT_SYSTEM_METRIC" },
    });
    let p = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(p.effective_general).toMatchObject({ time_zone: "Asia/Kolkata", time_format: "TIME_FORMAT_24_HOUR", decimal_places: 0, measurement_system: "MEASUREMENT_SYSTEM_METRIC" });

    await patchWs(owner, orgId, wsId, { general: { time_zone: "", time_format: "TIME_FORMAT_UNSPECIFIED", decimal_places: null } });
    await patchWs(owner, orgId, wsId, {}, { mask: "general.measurement_system" });
    p = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(p.effective_general).toMatchObject({ time_zone: "Europe/Paris", time_format: "TIME_FORMAT_12_HOUR", decimal_places: 1, measurement_system: "MEASUREMENT_SYSTEM_IMPERIAL" });
    expect(Object.values(p.effective_general.sources)).not.toContain("WORKSPACE");
    expect(p.general).not.toHaveProperty("decimal_places");
    const row = await (await db()).workspacePreferences.findUniqueOrThrow({ where: { workspaceId: wsId } });
    expect(row).toMatchObject({ timeZone: null, timeFormat: null, decimalPlaces: null, measurementSystem: null });

    // The organization's own reset falls back to the product default.
    const org = await patchOrg(owner, orgId, {}, { mask: "general" });
    expect(org.effective_general).toMatchObject({ time_zone: "UTC", decimal_places: 2 });
    expect(Object.values(org.effective_general.sources)).toEqual(Array(6).fill("DEFAULT"));
  });

  it("a mask limits the change to its paths; the body's other fields are left alone", async () => {
    const { owner, orgId, wsId } = await setup();
    const p = await patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Berlin", decimal_places: 5 } }, { mask: "general.time_zone" });
    expect(p.general.time_zone).toBe("Europe/Berlin");
    expect(p.general).not.toHaveProperty("decimal_places");
  });
});

describe("validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["unknown zone", { general: { time_zone: "Moon/Tranquility" } }, "general.time_zone"],
    ["zone in the wrong case", { general: { time_zone: "europe/zurich" } }, "general.time_zone"],
    ["time_format", { general: { time_format: "TIME_FORMAT_25_HOUR" } }, "general.time_format"],
    ["date_format", { general: { date_format: "YYYY" } }, "general.date_format"],
    ["decimal_symbol", { general: { decimal_symbol: "DECIMAL_SYMBOL_DASH" } }, "general.decimal_symbol"],
    ["decimal_places too many", { general: { decimal_places: 11 } }, "general.decimal_places"],
    ["decimal_places negative", { general: { decimal_places: -1 } }, "general.decimal_places"],
    ["decimal_places fraction", { general: { decimal_places: 2.5 } }, "general.decimal_places"],
    ["measurement_system", { general: { measurement_system: "MEASUREMENT_SYSTEM_NAUTICAL" } }, "general.measurement_system"],
    ["support_team_access type", { support_team_access: "yes" }, "support_team_access"],
    ["expire time format", { support_team_access: true, support_access_expire_time: "tomorrow" }, "support_access_expire_time"],
    ["unknown general field", { general: { colour: "blue" } }, "general.colour"],
    ["unknown top-level field", { theme: "dark" }, "theme"],
  ];
  it.each(cases)("refuses %s with INVALID_ARGUMENT naming the field", (_label, body, field) => {
    let error: unknown;
    try {
      parseWith(WorkspacePreferencesUpdateInput, body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.options.fieldViolations?.map((v) => v.field)).toContain(field);
  });

  it("refuses unknown and output-only mask paths, and support expiries out of bounds", async () => {
    const { owner, orgId, wsId } = await setup();
    const now = new Date();
    const day = 24 * 3600 * 1000;
    const expectField = async (p: Promise<unknown>, field: string) => {
      const e = await rejection(p);
      expect(e.code).toBe("INVALID_ARGUMENT");
      expect(e.options.fieldViolations?.[0].field).toBe(field);
    };
    await expectField(patchWs(owner, orgId, wsId, {}, { mask: "general.colour" }), "update_mask");
    await expectField(patchWs(owner, orgId, wsId, {}, { mask: "effective_general" }), "update_mask");
    await expectField(patchWs(owner, orgId, wsId, {}, { mask: "name" }), "update_mask");
    await expectField(patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(now.getTime() + 31 * day).toISOString() }, { now }), "support_access_expire_time");
    await expectField(patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(now.getTime() - 1000).toISOString() }, { now }), "support_access_expire_time");
    await expectField(patchWs(owner, orgId, wsId, { support_team_access: false, support_access_expire_time: new Date(now.getTime() + day).toISOString() }, { now }), "support_access_expire_time");
    await expectField(patchOrg(owner, orgId, {}, { mask: "support_team_access" }), "update_mask");
    // Nothing was written by any of them.
    expect(await auditActions(wsId)).toHaveLength(1); // workspace.create
    const ok = await patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(now.getTime() + 30 * day).toISOString() }, { now });
    expect(ok.support_team_access).toBe(true);
  });

  it("lets a workspace viewer read but not change preferences, and hides another organization's workspace", async () => {
    const { orgId, wsId } = await setup();
    const viewer = await makeUser("Prefs Viewer");
    await addMember(viewer.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    await getWorkspacePreferences(await wsRead(viewer, orgId, wsId));
    expect((await rejection(wsWrite(viewer, orgId, wsId))).code).toBe("PERMISSION_DENIED");
    const stranger = await makeUser("Prefs Stranger");
    await makeOrg(stranger);
    expect((await rejection(wsRead(stranger, orgId, wsId))).code).toBe("NOT_FOUND");
  });
});

describe("etags", () => {
  it("a stale etag (body or If-Match) is ABORTED and changes nothing; the current one passes", async () => {
    const { owner, orgId, wsId } = await setup();
    const first = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    const second = await patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Rome" }, etag: first.etag });
    expect(second.etag).not.toBe(first.etag);
    const stale = await rejection(patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Oslo" }, etag: first.etag }));
    expect(stale.code).toBe("ABORTED");
    const staleHeader = await rejection(patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Oslo" } }, { ifMatch: first.etag }));
    expect(staleHeader.code).toBe("ABORTED");
    expect((await getWorkspacePreferences(await wsRead(owner, orgId, wsId))).general.time_zone).toBe("Europe/Rome");
    await patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Oslo" } }, { ifMatch: second.etag });

    const org = await getOrganizationPreferences(await orgWrite(owner, orgId));
    await patchOrg(owner, orgId, { general: { decimal_places: 4 }, etag: org.etag });
    expect((await rejection(patchOrg(owner, orgId, { general: { decimal_places: 5 }, etag: org.etag }))).code).toBe("ABORTED");
  });
});

describe("support access", () => {
  it("grants with an expiry, extends, reads as ended once expired, and the job records the end", async () => {
    const { owner, orgId, wsId } = await setup();
    const t0 = new Date();
    const hour = 3600 * 1000;
    const granted = await patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(t0.getTime() + hour).toISOString() }, { now: t0 });
    expect(granted.support_team_access).toBe(true);
    expect(granted.support_access_expire_time).toBe(new Date(t0.getTime() + hour).toISOString());
    const extended = await patchWs(owner, orgId, wsId, { support_access_expire_time: new Date(t0.getTime() + 2 * hour).toISOString() }, { now: t0 });
    expect(extended.support_access_expire_time).toBe(new Date(t0.getTime() + 2 * hour).toISOString());

    const later = new Date(t0.getTime() + 3 * hour);
    const read = await getWorkspacePreferences(await wsRead(owner, orgId, wsId), later);
    expect(read.support_team_access).toBe(false);
    expect(read).not.toHaveProperty("support_access_expire_time");
    // Not due yet at t0: nothing ended.
    expect(await endExpiredSupportAccess(t0)).toBe(0);
    expect(await endExpiredSupportAccess(later)).toBeGreaterThanOrEqual(1);
    expect(await endExpiredSupportAccess(later)).toBe(0);
    const row = await (await db()).workspacePreferences.findUniqueOrThrow({ where: { workspaceId: wsId } });
    expect(row).toMatchObject({ supportTeamAccess: false, supportAccessExpireTime: null });

    const entries = await auditActions(wsId);
    expect(entries.map((e) => e.action)).toEqual(["workspace.create", "support_access.grant", "support_access.extend", "support_access.end"]);
    const end = entries[3];
    expect(end).toMatchObject({ actorType: "SYSTEM", actorId: "system" });
    expect(end.changes).toMatchObject({ reason: "EXPIRED", before: { support_team_access: true }, after: { support_team_access: false } });
    expect(entries[1]).toMatchObject({ actorType: "USER", actorId: owner.id, ip: "127.0.0.1", userAgent: "vitest" });
    expect(entries[1].requestId).toMatch(/^test_/);
  });

  it("a user ending access writes support_access.end; granting again after an unrecorded expiry records that end first", async () => {
    const { owner, orgId, wsId } = await setup();
    const t0 = new Date();
    await patchWs(owner, orgId, wsId, { support_team_access: true });
    const ended = await patchWs(owner, orgId, wsId, { support_team_access: false });
    expect(ended.support_team_access).toBe(false);
    await patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(t0.getTime() + 60_000).toISOString() }, { now: t0 });
    const later = new Date(t0.getTime() + 120_000);
    await patchWs(owner, orgId, wsId, { support_team_access: true, support_access_expire_time: new Date(later.getTime() + 60_000).toISOString() }, { now: later });
    const actions = (await auditActions(wsId)).map((e) => [e.action, e.actorType]);
    expect(actions).toEqual([
      ["workspace.create", "USER"],
      ["support_access.grant", "USER"],
      ["support_access.end", "USER"],
      ["support_access.grant", "USER"],
      ["support_access.end", "SYSTEM"],
      ["support_access.grant", "USER"],
    ]);
  });
});

describe("audit and vendor shape", () => {
  it("writes one preferences.update entry with before/after for general changes, none for a no-op", async () => {
    const { owner, orgId, wsId } = await setup();
    await patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Vienna", decimal_places: 4 } });
    await patchWs(owner, orgId, wsId, { general: { time_zone: "Europe/Vienna" } });
    const entries = (await auditActions(wsId)).filter((e) => e.action === "preferences.update");
    expect(entries).toHaveLength(1);
    expect(entries[0].resource).toBe(`organizations/${orgId}/workspaces/${wsId}/preferences`);
    expect(entries[0].changes).toEqual({ before: { general: { time_zone: null, decimal_places: null } }, after: { general: { time_zone: "Europe/Vienna", decimal_places: 4 } } });

    await patchOrg(owner, orgId, { general: { date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" }, members_can_create_workspaces: false });
    const orgEntries = await (await db()).auditLogEntry.findMany({ where: { organizationId: orgId, action: "organization_preferences.update" } });
    expect(orgEntries.map((e) => e.changes)).toEqual([
      { before: { general: { date_format: null }, members_can_create_workspaces: true }, after: { general: { date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" }, members_can_create_workspaces: false } },
    ]);
  });

  it("GetWorkspacePreferences bodies validate against seed 003; the organization's general part too", async () => {
    const { owner, orgId, wsId } = await setup();
    const validate = kognitosValidator("GetWorkspacePreferences");
    const empty = await getWorkspacePreferences(await wsRead(owner, orgId, wsId));
    expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);
    const full = await patchWs(owner, orgId, wsId, {
      support_team_access: true,
      general: { time_zone: "Europe/Zurich", time_format: "TIME_FORMAT_12_HOUR", date_format: "DATE_FORMAT_MMMM_DD_YYYY", decimal_symbol: "DECIMAL_SYMBOL_COMMA", decimal_places: 0, measurement_system: "MEASUREMENT_SYSTEM_IMPERIAL" },
    });
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(full.name).toBe(`organizations/${orgId}/workspaces/${wsId}/preferences`);
    const general = kognitosSchemaValidator("v1GeneralPreferences");
    const org = await getOrganizationPreferences(await orgWrite(owner, orgId));
    expect(general(org.general), JSON.stringify(general.errors)).toBe(true);
    expect(general(org.effective_general), JSON.stringify(general.errors)).toBe(true);
    // The same body shape as a workspace's (name, general), so Kognitos clients can read it.
    expect(validate(org), JSON.stringify(validate.errors)).toBe(true);
  });
});
