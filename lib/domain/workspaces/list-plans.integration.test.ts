// The plans that keep lists flat at scale, pinned at 100,000 rows: the statements the product
// really sends (captured from Prisma's query events) for ListWorkspaces (page, page token, the
// capped total_size count), ListWorkspaceUsers in each order and CountWorkspaceUsers with 1,000
// ids are EXPLAINed, and none may read workspaces or users sequentially.
//
// Bugs these pin: total_size was a full count of the organization's live workspaces on every
// page (a sequential scan of the table, 65–120 ms at 100k); the org-admin branch of the member
// list walked the users' name index over ~80,000 members to find 3 admins; total_size was
// recounted on every page instead of being carried in the page token; the member list's role and
// search filters read every membership of the workspace.

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { provideDb, db, type Db } from "@/lib/db";
import { makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { makeLoggedClient, type LoggedClient } from "@/lib/testing/query-log";
import { EXACT_TOTAL_LIMIT } from "@/lib/api/total-size";
import { listWorkspaceUsers } from "@/lib/domain/members/list-workspace-users";
import { countWorkspaceUsers } from "./count-workspace-users";
import { listWorkspaces } from "./list-workspaces";

const ROWS = 100_000;

let owner: TestUser;
let orgId: string;
let smallOrgId: string;
let wsId: string;
let sql: pg.Client;
let previous: Db;
let captured: { query: string; params: string }[] = [];
let capturing = false;
let counted: LoggedClient;

beforeAll(async () => {
  owner = await makeUser("Plan Owner");
  orgId = (await makeOrg(owner, "Plans")).organization_id;
  smallOrgId = (await makeOrg(owner, "Plans small")).organization_id;
  const other = await makeUser("Plan Other");
  const otherOrg = (await makeOrg(other, "Plans other")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Crowded" })).workspace_id;
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
  const policy = `'{"group":"us-west-2","regions":[{"region":"us-west-2","priority":0}],"pii_strategy":"DEFAULT"}'::jsonb`;
  // The 100k rows, fast: the independent tables filled side by side on two connections, the
  // users' trigram indexes built once over all rows instead of row by row, and foreign-key checks
  // skipped where allowed (these rows reference only ids made just above). The same rows and
  // indexes as one INSERT after another; about half the time.
  const gen = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  gen.on("connect", (c) => void c.query("SET session_replication_role = replica").catch(() => {}));
  try {
    const trigram = (await gen.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'users' AND indexdef LIKE '%gin_trgm_ops%'`)).rows;
    await gen.query(trigram.map((i) => `DROP INDEX "${i.indexname}";`).join(""));
    await Promise.all([
      gen.query(`
        INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
          SELECT 'ws_plan' || o || lpad(i::text, 20, '0'), org, 'Plan ' || i, 'plan ' || i, ${policy},
                 CASE WHEN o = 1 THEN '${owner.id}' ELSE '${other.id}' END,
                 now() - i * interval '1 second', now()
            FROM (VALUES (1, '${orgId}', ${ROWS}), (2, '${otherOrg}', ${ROWS / 5})) AS v(o, org, n), generate_series(1, n) i`),
      gen.query(`
        INSERT INTO users (id, email, display_name, create_time, update_time)
          SELECT 'usr_plan' || lpad(i::text, 20, '0'), 'plan' || i || '@plans.test', 'Member ' || md5(i::text), now() - i * interval '1 minute', now()
            FROM generate_series(1, ${ROWS}) i`),
    ]);
    await Promise.all([
      gen.query(`
        INSERT INTO organization_members (organization_id, user_id, roles, update_time)
          SELECT '${orgId}', 'usr_plan' || lpad(i::text, 20, '0'), CASE WHEN i <= 2 THEN '{org-admin}'::text[] ELSE '{org-member}'::text[] END, now()
            FROM generate_series(1, ${ROWS}) i;
        ${trigram.map((i) => `${i.indexdef};`).join("\n")}`),
      // One member in a hundred is a workspace admin (the role filter's case), the rest viewers;
      // every bulk workspace has its creator as its admin, as every workspace has one, so most
      // memberships in the table hold workspace-admin.
      gen.query(`
        INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
          SELECT '${wsId}', 'usr_plan' || lpad(i::text, 20, '0'),
                 CASE WHEN i % 100 = 0 THEN '{workspace-admin}'::text[] ELSE '{workspace-viewer}'::text[] END,
                 now() - i * interval '1 minute', now()
            FROM generate_series(3, ${ROWS}) i;
        INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
          SELECT id, creator_id, '{workspace-admin}', create_time, now() FROM workspaces WHERE id LIKE 'ws\\_plan1%'`),
    ]);
  } finally {
    await gen.end();
  }
  // As autovacuum would have by then: statistics, and the visibility map index-only scans rely on.
  await sql.query("VACUUM ANALYZE workspaces, users, organization_members, workspace_members");
  previous = await db();
  counted = makeLoggedClient();
  counted.$on("query", (e) => {
    if (capturing) captured.push({ query: e.query, params: e.params });
  });
  provideDb(counted as unknown as Db);
}, 120_000);

afterAll(async () => {
  provideDb(previous);
  await counted?.$disconnect();
  await sql?.end();
});

async function statementsOf<T>(fn: () => Promise<T>): Promise<{ result: T; statements: { query: string; params: string }[] }> {
  captured = [];
  capturing = true;
  try {
    return { result: await fn(), statements: captured };
  } finally {
    capturing = false;
  }
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

async function planOf(statement: { query: string; params: string }): Promise<PlanNode[]> {
  const params = JSON.parse(statement.params) as unknown[];
  const { rows } = await sql.query(`EXPLAIN (FORMAT JSON) ${statement.query}`, params);
  return nodesOf((rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan);
}

/** No sequential scan of the big tables, and at least one index scan. */
async function expectIndexed(statement: { query: string; params: string }): Promise<PlanNode[]> {
  const nodes = await planOf(statement);
  const seq = nodes.filter((n) => n["Node Type"] === "Seq Scan" && ["workspaces", "users", "workspace_members", "organization_members"].includes(n["Relation Name"] ?? ""));
  const outline = nodes.map((n) => `${n["Node Type"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`).join("; ");
  expect(seq.map((n) => n["Relation Name"]), `${statement.query}\n${outline}`).toEqual([]);
  expect(nodes.some((n) => /Index/.test(n["Node Type"])), statement.query).toBe(true);
  return nodes;
}

const ownerAccess = () => authorize(owner.ctx, "read:Organization", { organizationId: orgId });
const workspaceAccess = () => authorize(owner.ctx, "read:Member", { organizationId: orgId, workspaceId: wsId });

describe("ListWorkspaces at 100,000 workspaces", () => {
  it("counts total_size with an index-only scan capped at the exact limit, and answers an estimate above it", async () => {
    const access = await ownerAccess();
    const { result, statements } = await statementsOf(() => listWorkspaces(owner.ctx, access, { page_size: "50" }));
    expect(result.workspaces).toHaveLength(50);
    expect(result.total_size_is_estimate).toBe(true);
    expect(result.total_size).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    expect(result.total_size).toBeGreaterThan(ROWS * 0.5);
    expect(result.total_size).toBeLessThan(ROWS * 2);
    const list = statements.find((s) => /count\(\*\)/i.test(s.query) && /LIMIT/.test(s.query))!;
    expect(list).toBeDefined();
    const nodes = await expectIndexed(list);
    expect(nodes.some((n) => n["Node Type"] === "Index Only Scan" && n["Index Name"] === "workspaces_live_organization_id_idx")).toBe(true);
  });

  it("serves a later page by keyset from the index, with the total carried in the token and no count", async () => {
    const access = await ownerAccess();
    const first = await listWorkspaces(owner.ctx, access, { page_size: "1000" });
    let token = first.next_page_token;
    for (let i = 0; i < 3; i++) token = (await listWorkspaces(owner.ctx, access, { page_size: "1000", page_token: token })).next_page_token;
    const { result, statements } = await statementsOf(() => listWorkspaces(owner.ctx, access, { page_size: "50", page_token: token }));
    const expected = await sql.query(
      `SELECT id FROM workspaces WHERE organization_id = $1 AND delete_time IS NULL ORDER BY create_time DESC, id DESC OFFSET 4000 LIMIT 50`,
      [orgId],
    );
    expect(result.workspaces.map((w) => w.workspace_id)).toEqual(expected.rows.map((r) => r.id));
    expect(result.total_size).toBe(first.total_size);
    expect(result.total_size_is_estimate).toBe(true);
    expect(statements.filter((s) => /count\(/i.test(s.query))).toEqual([]);
    for (const s of statements.filter((s) => /FROM workspaces/.test(s.query))) await expectIndexed(s);
  });

  it("keeps an exact total_size below the limit and carries it: a workspace created mid-listing does not change it", async () => {
    const access = await authorize(owner.ctx, "read:Organization", { organizationId: smallOrgId });
    await makeWorkspace(owner, smallOrgId, { title: "One" });
    await makeWorkspace(owner, smallOrgId, { title: "Two" });
    const first = await listWorkspaces(owner.ctx, access, { page_size: "1" });
    expect(first).toMatchObject({ total_size: 2 });
    expect(first.total_size_is_estimate).toBeUndefined();
    await makeWorkspace(owner, smallOrgId, { title: "Three" });
    const second = await listWorkspaces(owner.ctx, access, { page_size: "1", page_token: first.next_page_token });
    expect(second.total_size).toBe(2);
    expect((await listWorkspaces(owner.ctx, access, { page_size: "1" })).total_size).toBe(3);
  });
});

describe("ListWorkspaceUsers at 100,000 members", () => {
  for (const order of ["", "display_name", "email", "created_time desc"]) {
    it(`reads the members through indexes, order_by=${order || "(default)"}`, async () => {
      const access = await workspaceAccess();
      const { result, statements } = await statementsOf(() => listWorkspaceUsers(owner.ctx, access, { page_size: "50", order_by: order }));
      expect(result.users).toHaveLength(50);
      const list = statements.find((s) => /UNION ALL/.test(s.query))!;
      expect(list).toBeDefined();
      await expectIndexed(list);
    });
  }

  // Bugs these pin: with a role or search filter, the organization admins' membership rows were
  // found by hashing the whole workspace's memberships (a sequential scan of 100,000), and each
  // member was checked against the admins with a probe per row; `role` counted its members by
  // hashing every user (55–294 ms and 75–161 ms p50 on the bench).
  for (const [filter, total] of [
    ['role = "workspace-admin"', 1000 + 1], // every hundredth member, and the owner (the workspace's creator)
    ['search : "plan12"', 1 + 10 + 100 + 1000], // plan12, plan120…129, plan1200…1299, plan12000…12999
  ] as const) {
    it(`pages and counts filter=${filter} through indexes`, async () => {
      const access = await workspaceAccess();
      const { result, statements } = await statementsOf(() => listWorkspaceUsers(owner.ctx, access, { page_size: "50", filter }));
      expect(result.users).toHaveLength(50);
      expect(result.total_size).toBe(total);
      const reads = statements.filter((s) => /workspace_members/.test(s.query));
      expect(reads).toHaveLength(2); // the page and its count
      for (const s of reads) await expectIndexed(s);
    });
  }

  // Bug this pins: with workspace-admin held by most memberships of the table (every workspace's
  // creator), the roles index could not narrow the count to one workspace's admins, and the count
  // read every membership sequentially (~130 ms on the bench's 300,000).
  it('counts filter=role = "workspace-admin" through the index of a workspace\'s members by role', async () => {
    const access = await workspaceAccess();
    const { statements } = await statementsOf(() => listWorkspaceUsers(owner.ctx, access, { page_size: "50", filter: 'role = "workspace-admin"' }));
    const count = statements.find((s) => /count\(\*\)/.test(s.query) && /workspace_members/.test(s.query))!;
    expect(count).toBeDefined();
    const nodes = await expectIndexed(count);
    expect(nodes.some((n) => n["Index Name"] === "workspace_members_workspace_id_roles_idx"), count.query).toBe(true);
  });

  it("finds the organization's admins through the roles index, not by walking every member", async () => {
    const access = await workspaceAccess();
    const { result, statements } = await statementsOf(() =>
      listWorkspaceUsers(owner.ctx, access, { page_size: "50", order_by: "display_name", filter: 'role_scope = "organization"' }),
    );
    // The owner and the two admins made above.
    expect(result.users.map((u) => u.user.email).sort()).toEqual([owner.email, "plan1@plans.test", "plan2@plans.test"].sort());
    const nodes = await planOf(statements.find((s) => /UNION ALL/.test(s.query))!);
    expect(nodes.some((n) => n["Relation Name"] === "organization_members" && /Index|Bitmap/.test(n["Node Type"]))).toBe(true);
  });
});

describe("CountWorkspaceUsers with 1,000 ids", () => {
  it("counts in one grouped statement over the members' primary key", async () => {
    const access = await ownerAccess();
    const ids = (await sql.query<{ id: string }>(`SELECT id FROM workspaces WHERE organization_id = $1 AND id LIKE 'ws\\_plan1%' ORDER BY id LIMIT 999`, [orgId])).rows.map((r) => r.id);
    const { result, statements } = await statementsOf(() => countWorkspaceUsers(owner.ctx, access, { workspace_ids: ids }));
    // Each bulk workspace: its creator (the owner, an admin) and the two other admins.
    expect(new Set(Object.values(result.workspace_user_counts))).toEqual(new Set([3]));
    expect(statements).toHaveLength(1);
    const nodes = await expectIndexed(statements[0]);
    expect(nodes.some((n) => n["Relation Name"] === "workspace_members" && n["Node Type"] === "Index Only Scan")).toBe(true);
    // The ids reach the workspaces' primary key as an array the planner does not size
    // (ARRAY(SELECT unnest(...))): planned for 1,000 known values, random ids and an organization
    // holding every workspace of the table got a sequential scan of all of them.
    expect(nodes.some((n) => n["Index Name"] === "workspaces_pkey")).toBe(true);
  });

  it("counts a member who is an admin once", async () => {
    const access = await ownerAccess();
    const { workspace_user_counts } = await countWorkspaceUsers(owner.ctx, access, { workspace_ids: [wsId] });
    // 99,998 members, the owner (its creator, an admin), and the two other admins.
    expect(workspace_user_counts[wsId]).toBe(ROWS - 2 + 1 + 2);
  });
});
