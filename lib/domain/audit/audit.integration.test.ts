import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/api/errors";
import { authorize } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { parseCsv } from "@/lib/console/csv";
import { newId } from "@/lib/ids";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { AUDIT_CSV_COLUMNS, ListAuditLogsOutput } from "@/lib/schemas/audit";
import { exportAuditLogs } from "./export-audit-logs";
import { listOrganizationAuditLogs, listWorkspaceAuditLogs, organizationAuditScope, workspaceAuditScope } from "./list-audit-logs";
import { auditRetentionDays, purgeExpiredAuditEntries } from "./purge-expired-audit-entries";
import { writeAuditEntry } from "./write-audit-entry";

async function world() {
  const owner = await makeUser("Audit Owner");
  const orgId = (await makeOrg(owner)).organization_id;
  const a = (await makeWorkspace(owner, orgId, { title: "Alpha" })).workspace_id;
  const b = (await makeWorkspace(owner, orgId, { title: "Beta" })).workspace_id;
  return { owner, orgId, a, b };
}

const T0 = Date.parse("2026-06-01T00:00:00.000Z");

/** `n` entries, one second apart from T0, cycling through three actions and two actors. */
async function seed(orgId: string, workspaceId: string | null, n: number, options: { sameTime?: boolean; start?: number } = {}) {
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId("aud"),
    organizationId: orgId,
    workspaceId,
    action: ["member.add", "workspace.update", "role.create"][i % 3],
    actorType: "USER",
    actorId: i % 2 ? "usr_odd" : "usr_even",
    actorEmail: i % 2 ? "odd@example.test" : "even@example.test",
    resource: `organizations/${orgId}/workspaces/${workspaceId ?? "none"}/things/${i}`,
    requestId: `req_${i}`,
    ip: "10.0.0.1",
    userAgent: "seed",
    changes: { before: { n: i }, after: { n: i + 1 } },
    createdAt: new Date((options.start ?? T0) + (options.sameTime ? 0 : i * 1000)),
  }));
  await (await db()).auditLogEntry.createMany({ data: rows });
  return rows;
}

async function orgAccess(u: TestUser | { ctx: RequestContext }, orgId: string) {
  return authorize(u.ctx, "read:AuditLog", { organizationId: orgId });
}

async function all(list: (token: string) => Promise<ListAuditLogsOutput>) {
  const out: ListAuditLogsOutput["audit_logs"] = [];
  let token = "";
  let pages = 0;
  do {
    const page = await list(token);
    ListAuditLogsOutput.parse(page);
    out.push(...page.audit_logs);
    token = page.next_page_token;
    pages++;
  } while (token && pages < 1000);
  return { entries: out, pages };
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe("listing", () => {
  it("pages newest first on (create_time, id), ties included, without gaps or repeats", async () => {
    const { owner, orgId, a } = await world();
    const seeded = [...(await seed(orgId, a, 20)), ...(await seed(orgId, a, 7, { sameTime: true, start: T0 + 5500 }))];
    const access = await orgAccess(owner, orgId);
    const { entries, pages } = await all((token) => listOrganizationAuditLogs(owner.ctx, access, { page_size: "6", page_token: token, filter: 'create_time < "2026-07-01T00:00:00Z"' }));
    expect(pages).toBe(Math.ceil(27 / 6));
    expect(entries.map((e) => e.audit_log_id).sort()).toEqual(seeded.map((r) => r.id).sort());
    const keys = entries.map((e) => [e.create_time, e.audit_log_id] as const);
    const sorted = [...keys].sort((x, y) => (x[0] === y[0] ? (x[1] < y[1] ? 1 : -1) : x[0] < y[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
    expect(entries[0]).toMatchObject({ organization_id: orgId, workspace_id: a, ip: "10.0.0.1", user_agent: "seed", actor: { type: "USER" } });
    expect(entries[0].name).toBe(`organizations/${orgId}/audit-logs/${entries[0].audit_log_id}`);
  });

  it("filters on action, actor_email, resource and a create_time range, alone and together", async () => {
    const { owner, orgId, a, b } = await world();
    const rows = await seed(orgId, a, 30);
    await seed(orgId, b, 3);
    const access = await orgAccess(owner, orgId);
    const ids = async (filter: string) =>
      (await all((token) => listOrganizationAuditLogs(owner.ctx, access, { filter, page_token: token, page_size: "1000" }))).entries.map((e) => e.audit_log_id).sort();
    const expectIds = (pred: (r: (typeof rows)[number], i: number) => boolean) => rows.filter(pred).map((r) => r.id).sort();

    expect(await ids(`action = "role.create" AND workspace_id = "${a}"`)).toEqual(expectIds((_, i) => i % 3 === 2));
    expect(await ids(`actor_email = "ODD@example.test" AND workspace_id = "${a}"`)).toEqual(expectIds((_, i) => i % 2 === 1));
    expect(await ids(`resource = "organizations/${orgId}/workspaces/${a}/things/7"`)).toEqual([rows[7].id]);
    expect(await ids('create_time >= "2026-06-01T00:00:10Z" AND create_time < "2026-06-01T00:00:15Z"')).toEqual(expectIds((_, i) => i >= 10 && i < 15));
    expect(await ids(`action = "member.add" AND actor_email = "even@example.test" AND create_time < "2026-06-01T00:00:20Z" AND workspace_id = "${a}"`)).toEqual(
      expectIds((_, i) => i % 3 === 0 && i % 2 === 0 && i < 20),
    );
    expect(await ids(`action : "WORKSPACE" AND workspace_id = "${a}" AND create_time < "2026-07-01T00:00:00Z"`)).toEqual(expectIds((_, i) => i % 3 === 1));

    for (const bad of ['colour = "red"', 'create_time >= "yesterday"', 'action > "a"', 'action = "x" AND']) {
      const e = await rejection(listOrganizationAuditLogs(owner.ctx, access, { filter: bad }));
      expect(e.code, bad).toBe("INVALID_ARGUMENT");
      expect(e.options.fieldViolations?.[0].field).toBe("filter");
    }
  });

  it("a workspace's log holds only its entries; the organization's holds every workspace's; another tenant's never shows", async () => {
    const { owner, orgId, a, b } = await world();
    await seed(orgId, a, 4);
    await seed(orgId, b, 5);
    const stranger = await makeUser("Audit Stranger");
    const theirOrg = (await makeOrg(stranger)).organization_id;
    await seed(theirOrg, null, 6);

    const wsAccess = await authorize(owner.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a });
    const wsEntries = (await listWorkspaceAuditLogs(wsAccess, { page_size: "100" })).audit_logs;
    expect(new Set(wsEntries.map((e) => e.workspace_id))).toEqual(new Set([a]));
    expect(wsEntries.map((e) => e.action)).toContain("workspace.create");

    const orgEntries = (await listOrganizationAuditLogs(owner.ctx, await orgAccess(owner, orgId), { page_size: "100" })).audit_logs;
    expect(new Set(orgEntries.map((e) => e.organization_id))).toEqual(new Set([orgId]));
    expect(orgEntries.filter((e) => e.workspace_id === b)).toHaveLength(5 + 1);
    expect((await rejection(orgAccess(stranger, orgId))).code).toBe("NOT_FOUND");
  });

  it("binds page tokens to the log and filter they came from", async () => {
    const { owner, orgId, a } = await world();
    await seed(orgId, a, 10);
    const access = await orgAccess(owner, orgId);
    const first = await listOrganizationAuditLogs(owner.ctx, access, { page_size: "3" });
    expect(first.next_page_token).not.toBe("");
    const wsAccess = await authorize(owner.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a });
    expect((await rejection(listWorkspaceAuditLogs(wsAccess, { page_size: "3", page_token: first.next_page_token }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(listOrganizationAuditLogs(owner.ctx, access, { page_size: "3", filter: 'action = "member.add"', page_token: first.next_page_token }))).code).toBe("INVALID_ARGUMENT");
    expect((await rejection(listOrganizationAuditLogs(owner.ctx, access, { page_token: `${first.next_page_token.slice(0, -2)}xx` }))).code).toBe("INVALID_ARGUMENT");
  });

  it("is for organization admins at the organization level, read:AuditLog in a workspace; a workspace-limited token sees its workspaces only", async () => {
    const { owner, orgId, a, b } = await world();
    await seed(orgId, b, 2);
    const member = await makeUser("Audit Member");
    await addMember(member.id, orgId, ["org-member"], { id: a, roles: ["workspace-viewer"] });
    expect((await rejection(orgAccess(member, orgId))).code).toBe("PERMISSION_DENIED");
    expect((await rejection(authorize(member.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a }))).code).toBe("PERMISSION_DENIED");
    await addMember(member.id, orgId, ["org-member"], { id: a, roles: ["workspace-admin"] });
    const wsAccess = await authorize(member.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a });
    expect((await listWorkspaceAuditLogs(wsAccess, {})).audit_logs.length).toBeGreaterThan(0);
    // Even an access object claiming the permission is refused the whole log without org admin.
    expect(() => organizationAuditScope(member.ctx, { ...wsAccess, isOrgAdmin: false })).toThrow(ApiError);

    const limitedCtx: RequestContext = { ...owner.ctx, caller: { ...owner.ctx.caller, token: { tokenId: "pat_x", organizationId: orgId, access: "READ_ONLY", workspaceIds: [a] } } };
    const limited = await listOrganizationAuditLogs(limitedCtx, await orgAccess({ ctx: limitedCtx }, orgId), { page_size: "100" });
    expect(new Set(limited.audit_logs.map((e) => e.workspace_id))).toEqual(new Set([a]));
  });
});

describe("writing", () => {
  it("redacts secrets in before/after and keeps the request id, user agent and IP", async () => {
    const { owner, orgId, a } = await world();
    const ctx = { ...owner.ctx, ip: "203.0.113.9", userAgent: "curl/8" };
    await (await db()).$transaction((tx) =>
      writeAuditEntry(tx, ctx, {
        organizationId: orgId,
        workspaceId: a,
        action: "credential.create",
        resource: `organizations/${orgId}/workspaces/${a}/oauth-credentials/cred_1`,
        changes: { after: { name: "ci", configuration: { client_id: "abc", client_secret: "s3cr3t", api_key: "k" } } },
      }),
    );
    const wsAccess = await authorize(owner.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a });
    const [entry] = (await listWorkspaceAuditLogs(wsAccess, { filter: 'action = "credential.create"' })).audit_logs;
    expect(entry).toMatchObject({ ip: "203.0.113.9", user_agent: "curl/8", request_id: ctx.requestId });
    expect(entry.changes).toEqual({ after: { name: "ci", configuration: { client_id: "abc", client_secret: "[REDACTED]", api_key: "[REDACTED]" } } });
    expect(JSON.stringify(entry)).not.toContain("s3cr3t");
  });
});

function gcFunction(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

describe("export", () => {
  it("streams 10,000 entries of a filtered range as CSV with heap bounded by one batch, not by the export", async () => {
    const { owner, orgId, a } = await world();
    const prisma = await db();
    const N = 10_000;
    // ~6 KB of changes per entry: about 60 MB of CSV in all.
    await prisma.$executeRaw`
      INSERT INTO audit_log_entries (id, organization_id, workspace_id, action, actor_type, actor_id, actor_email, resource, request_id, ip, user_agent, changes, create_time)
      SELECT 'aud_exp' || lpad(g::text, 20, '0'), ${orgId}, ${a}, 'workspace.update', 'USER', 'usr_x', 'bulk@example.test',
             'organizations/' || ${orgId} || '/workspaces/' || ${a}, 'req_' || g, '10.1.1.1', '=cmd|'' /C calc''!A0',
             jsonb_build_object('before', jsonb_build_object('description', repeat('b', 3000)), 'after', jsonb_build_object('description', repeat('a', 3000) || g)),
             ${new Date(T0)}::timestamptz + (g || ' seconds')::interval
      FROM generate_series(1, ${N}) AS g`;
    const access = await orgAccess(owner, orgId);
    const stream = exportAuditLogs(organizationAuditScope(owner.ctx, access), { filter: 'action = "workspace.update" AND actor_email = "bulk@example.test"' });

    const gc = gcFunction();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    let lines = 0;
    let head = "";
    let tail = "";
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value);
      if (head.length < 20_000) head += text.slice(0, 20_000);
      tail = text.slice(-20_000);
      for (let i = text.indexOf("\r\n"); i !== -1; i = text.indexOf("\r\n", i + 2)) lines++;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    expect(lines).toBe(N + 1);
    expect(bytes).toBeGreaterThan(60_000_000);
    // One batch of 500 rows is ~3 MB of text; the whole export is twenty times that.
    expect(peak).toBeLessThan(bytes / 4);
    console.info(`audit export: ${N} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV, peak heap growth ${(peak / 1e6).toFixed(1)} MB`);

    const firstRows = parseCsv(head.slice(0, head.lastIndexOf("\r\n") + 2)).rows;
    expect(firstRows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    // Newest first, and the user agent a spreadsheet would run is defused.
    expect(firstRows[1][9]).toBe("10.1.1.1");
    expect(firstRows[1][10]).toBe("'=cmd|' /C calc'!A0");
    expect(firstRows[1][0]).toBe(new Date(T0 + N * 1000).toISOString());
    expect(JSON.parse(firstRows[1][11]).after.description).toBe(`${"a".repeat(3000)}${N}`);
    const lastRows = parseCsv(tail.slice(tail.indexOf("\r\n") + 2)).rows;
    expect(lastRows[lastRows.length - 1][0]).toBe(new Date(T0 + 1000).toISOString());
  });

  it("refuses a bad filter before streaming, and exports an empty range as the header alone", async () => {
    const { owner, orgId, a } = await world();
    const wsAccess = await authorize(owner.ctx, "read:AuditLog", { organizationId: orgId, workspaceId: a });
    expect(() => exportAuditLogs(workspaceAuditScope(wsAccess), { filter: "nonsense ==" })).toThrow(ApiError);
    const text = await new Response(exportAuditLogs(workspaceAuditScope(wsAccess), { filter: 'create_time < "2000-01-01T00:00:00Z"' })).text();
    expect(parseCsv(text).rows).toEqual([[...AUDIT_CSV_COLUMNS]]);
  });
});

describe("retention", () => {
  it("keeps everything by default; with AUDIT_RETENTION_DAYS deletes only entries older than that", async () => {
    const { orgId, a } = await world();
    const now = new Date("2026-12-01T00:00:00Z");
    const old = await seed(orgId, a, 3, { start: now.getTime() - 40 * 86_400_000 });
    const recent = await seed(orgId, a, 3, { start: now.getTime() - 10 * 86_400_000 });
    expect(auditRetentionDays({})).toBeNull();
    expect(auditRetentionDays({ AUDIT_RETENTION_DAYS: "30" })).toBe(30);
    expect(() => auditRetentionDays({ AUDIT_RETENTION_DAYS: "thirty" })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => auditRetentionDays({ AUDIT_RETENTION_DAYS: "0" })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(await purgeExpiredAuditEntries(now, null)).toBe(0);
    expect(await purgeExpiredAuditEntries(now, 30)).toBeGreaterThanOrEqual(3);
    const left = await (await db()).auditLogEntry.findMany({ where: { id: { in: [...old, ...recent].map((r) => r.id) } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual(recent.map((r) => r.id).sort());
  });
});
