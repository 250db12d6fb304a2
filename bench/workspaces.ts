// Scale benchmark of the workspace list and CountWorkspaceUsers, through the product's own domain
// functions, on a throwaway PostgreSQL database it creates, migrates, fills and drops.
//
//   npx tsx --conditions=react-server bench/workspaces.ts [--workspaces 100000] [--runs 9]
//
// BENCH_DATABASE_URL (default: TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres)
// names the server; the benchmark only ever drops the database it created itself.

import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { GLOBAL_OMIT, type Db } from "../lib/prisma-client";
import { provideDb } from "../lib/db";
import type { RequestContext } from "../lib/auth/context";
import { authorize } from "../lib/auth/authorize";
import { createUser } from "../lib/domain/users/create-user";
import { createOrganization } from "../lib/domain/organizations/create-organization";
import { listWorkspaces } from "../lib/domain/workspaces/list-workspaces";
import { countWorkspaceUsers } from "../lib/domain/workspaces/count-workspace-users";
import { OrganizationCreateInput } from "../lib/schemas/organizations";

const { values: args } = parseArgs({
  options: {
    workspaces: { type: "string", default: "100000" },
    runs: { type: "string", default: "9" },
    members: { type: "string", default: "200" },
  },
});
const WORKSPACES = Number(args.workspaces);
const RUNS = Number(args.runs);
const USERS = Number(args.members);
const PAGE_SIZE = 50;
const TARGET_PAGE = 1000;

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function contextOf(user: { id: string; email: string; displayName: string }): RequestContext {
  return { caller: { userId: user.id, email: user.email, displayName: user.displayName }, requestId: `bench_${randomUUID()}`, ip: "", userAgent: "bench" };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Median wall time of `fn` over RUNS runs, after one warm-up run. */
async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  const m = median(samples);
  console.log(`${label.padEnd(58)} median ${m.toFixed(2).padStart(8)} ms   (min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)}, n=${RUNS})`);
  return m;
}

interface Captured {
  query: string;
  params: unknown[];
}

async function explain(client: pg.Client, title: string, query: Captured): Promise<void> {
  const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${query.query}`, query.params);
  const lines = res.rows.map((r: Record<string, string>) => r["QUERY PLAN"]);
  console.log(`\n-- EXPLAIN (ANALYZE, BUFFERS): ${title}`);
  // Long ANY('{…}') arrays are cut: the plan's shape and its Buffers lines are what matter.
  for (const line of lines) console.log(`   ${line.length > 180 ? `${line.slice(0, 177)}...` : line}`);
}

/** The product's client shape, plus query events so the benchmark can EXPLAIN what Prisma sent. */
function loggingClient(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), omit: GLOBAL_OMIT, log: [{ emit: "event", level: "query" }] });
}

async function main() {
  const name = `wsa_bench_${randomBytes(4).toString("hex")}`;
  const url = urlFor(name);
  console.log(`Benchmark database ${name}: ${WORKSPACES} workspaces, ${USERS} users, page_size ${PAGE_SIZE}, ${RUNS} runs per measure\n`);
  await admin(`CREATE DATABASE "${name}"`);
  let prisma: ReturnType<typeof loggingClient> | undefined;
  try {
    const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (u: string) => Promise<unknown> };
    await migrate(url);

    const captured: Captured[] = [];
    let capturing = false;
    prisma = loggingClient(url);
    prisma.$on("query", (e) => {
      if (capturing) captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] });
    });
    provideDb(prisma as unknown as Db);

    const owner = await createUser({ email: "bench.owner@example.test", display_name: "Bench Owner", password: "bench-password-1" });
    const ownerCtx = contextOf(owner);
    const org = await createOrganization(ownerCtx, OrganizationCreateInput.parse({ title: "Bench Org" }));
    const organizationId = org.organization_id;

    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    try {
      const t0 = performance.now();
      // Users: USERS plain members; every workspace gets its creator plus the users u with
      // (i + u) % 67 < 2, about 2·USERS/67 members each; three more org admins reach all.
      await sql.query(
        `INSERT INTO users (id, email, display_name, create_time, update_time)
         SELECT 'usr_bench' || lpad(u::text, 16, '0'), 'user' || u || '@bench.example', 'Bench User ' || u, now(), now()
         FROM generate_series(1, $1::int) u`,
        [USERS + 3],
      );
      await sql.query(
        `INSERT INTO organization_members (organization_id, user_id, roles, create_time, update_time)
         SELECT $1, 'usr_bench' || lpad(u::text, 16, '0'), CASE WHEN u > $2 THEN ARRAY['org-admin'] ELSE ARRAY['org-member'] END, now(), now()
         FROM generate_series(1, $2::int + 3) u`,
        [organizationId, USERS],
      );
      await sql.query(
        `INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
         SELECT 'ws_bench' || lpad(i::text, 16, '0'), $1, 'Workspace ' || substr(md5(i::text), 1, 12), lower('Workspace ' || substr(md5(i::text), 1, 12)),
                '{"group":"us-west-2","regions":[{"region":"us-west-2","priority":0}],"pii_strategy":"DEFAULT"}'::jsonb, $2,
                timestamptz '2020-01-01T00:00:00Z' + i * interval '1 second', timestamptz '2020-01-01T00:00:00Z' + i * interval '1 second'
         FROM generate_series(1, $3::int) i`,
        [organizationId, owner.id, WORKSPACES],
      );
      await sql.query(
        `INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
         SELECT 'ws_bench' || lpad(i::text, 16, '0'), $1, ARRAY['workspace-admin'], now(), now() FROM generate_series(1, $2::int) i
         UNION ALL
         SELECT 'ws_bench' || lpad(i::text, 16, '0'), 'usr_bench' || lpad(u::text, 16, '0'), ARRAY['workspace-viewer'], now(), now()
         FROM generate_series(1, $2::int) i CROSS JOIN generate_series(1, $3::int) u WHERE (i + u) % 67 < 2`,
        [owner.id, WORKSPACES, USERS],
      );
      await sql.query("VACUUM ANALYZE");
      const counts = await sql.query(`SELECT (SELECT count(*) FROM workspaces)::int AS ws, (SELECT count(*) FROM workspace_members)::int AS m`);
      console.log(`Loaded ${counts.rows[0].ws} workspaces and ${counts.rows[0].m} memberships in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

      const access = await authorize(ownerCtx, "read:Organization", { organizationId });

      // The token for page 1000 is reached with big pages: tokens are bound to filter and order,
      // not to page_size, so 49 pages of 1000 and one of 950 end where page 999 of 50 ends.
      let token = "";
      const skip = (TARGET_PAGE - 1) * PAGE_SIZE;
      for (let served = 0; served < skip; ) {
        const size = Math.min(1000, skip - served);
        const page = await listWorkspaces(ownerCtx, access, { page_size: String(size), page_token: token });
        served += page.workspaces.length;
        token = page.next_page_token;
      }
      const page1000 = await listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE), page_token: token });
      const expected = await sql.query(`SELECT id FROM workspaces ORDER BY create_time DESC, id DESC OFFSET $1 LIMIT 1`, [skip]);
      if (page1000.workspaces[0]?.workspace_id !== expected.rows[0].id) throw new Error("page 1000 does not start where OFFSET says it should");
      console.log(`Page ${TARGET_PAGE} starts at row ${skip + 1} (${page1000.workspaces[0].workspace_id}), as OFFSET ${skip} confirms.\n`);

      console.log("ListWorkspaces (org admin, default order create_time desc, with total_size):");
      await time("  page 1", () => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE) }));
      await time(`  page ${TARGET_PAGE}`, () => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE), page_token: token }));
      let titleToken = "";
      for (let served = 0; served < skip; ) {
        const page = await listWorkspaces(ownerCtx, access, { page_size: String(Math.min(1000, skip - served)), page_token: titleToken, order_by: "title" });
        served += page.workspaces.length;
        titleToken = page.next_page_token;
      }
      await time(`  page ${TARGET_PAGE}, order_by=title`, () => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE), page_token: titleToken, order_by: "title" }));
      await time('  page 1, filter title : "abc"', () => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE), filter: 'title : "abc"' }));

      const member = { id: "usr_bench" + "1".padStart(16, "0"), email: "user1@bench.example", displayName: "Bench User 1" };
      const memberCtx = contextOf(member);
      const memberAccess = await authorize(memberCtx, "read:Organization", { organizationId });
      const memberFirst = await listWorkspaces(memberCtx, memberAccess, { page_size: String(PAGE_SIZE) });
      console.log(`\nListWorkspaces (plain member of ${memberFirst.total_size} workspaces):`);
      await time("  page 1", () => listWorkspaces(memberCtx, memberAccess, { page_size: String(PAGE_SIZE) }));

      const ids = (await sql.query(`SELECT id FROM workspaces ORDER BY md5(id) LIMIT 1000`)).rows.map((r: { id: string }) => r.id);
      console.log("\nCountWorkspaceUsers:");
      await time("  1000 ids (org admin)", () => countWorkspaceUsers(ownerCtx, access, { workspace_ids: ids }));
      await time("  1 id (org admin)", () => countWorkspaceUsers(ownerCtx, access, { workspace_ids: [ids[0]] }));
      const memberIds = (await sql.query(`SELECT workspace_id AS id FROM workspace_members WHERE user_id = $1 ORDER BY workspace_id LIMIT 1000`, [member.id])).rows.map((r: { id: string }) => r.id);
      await time(`  ${memberIds.length} ids (plain member)`, () => countWorkspaceUsers(memberCtx, memberAccess, { workspace_ids: memberIds }));

      // The statements behind page 1 and page 1000, exactly as Prisma sent them, timed alone:
      // a list answer is max(page query, total_size count), run side by side.
      const statementsOf = async (fn: () => Promise<unknown>) => {
        captured.length = 0;
        capturing = true;
        await fn();
        capturing = false;
        const page = captured.find((c) => /ORDER BY/i.test(c.query) && /LIMIT/i.test(c.query));
        const count = captured.find((c) => /COUNT\(/i.test(c.query));
        if (!page) throw new Error("did not capture the list statements");
        return { page, count };
      };
      const first = await statementsOf(() => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE) }));
      const { page: pageQuery } = await statementsOf(() => listWorkspaces(ownerCtx, access, { page_size: String(PAGE_SIZE), page_token: token }));
      console.log("\nThe same statements alone (pg, no Prisma):");
      await time("  page 1 query", () => sql.query(first.page.query, first.page.params));
      await time(`  page ${TARGET_PAGE} query`, () => sql.query(pageQuery.query, pageQuery.params));
      // total_size is counted on the first page only (in its statement) and carried in the token.
      await time("  page 1 with its total_size count", () => sql.query(first.page.query, first.page.params));
      await explain(sql, `ListWorkspaces page ${TARGET_PAGE}, the keyset query (t <= x AND (t < x OR (t = x AND id < y)))`, pageQuery);

      const last = page1000.workspaces[0];
      const before = await sql.query(`SELECT create_time, id FROM workspaces WHERE id = $1`, [last.workspace_id]);
      await explain(sql, `for comparison: the same page with the obvious predicate t < x OR (t = x AND id < y)`, {
        query: `SELECT id, title FROM workspaces WHERE organization_id = $1 AND delete_time IS NULL
                AND (create_time < $2 OR (create_time = $2 AND id < $3)) ORDER BY create_time DESC, id DESC LIMIT 51`,
        params: [organizationId, before.rows[0].create_time, before.rows[0].id],
      });
      await explain(sql, `for comparison: the same page with OFFSET ${skip}`, {
        query: `SELECT id, title FROM workspaces WHERE organization_id = $1 AND delete_time IS NULL ORDER BY create_time DESC, id DESC OFFSET ${skip} LIMIT 51`,
        params: [organizationId],
      });
      await explain(sql, "ListWorkspaces page 1 with its capped total_size count (later pages carry it)", first.page);

      captured.length = 0;
      capturing = true;
      await countWorkspaceUsers(ownerCtx, access, { workspace_ids: ids });
      capturing = false;
      if (captured.length !== 1) throw new Error(`countWorkspaceUsers sent ${captured.length} statements`);
      await explain(sql, "CountWorkspaceUsers, 1000 ids, one statement", captured[0]);
    } finally {
      await sql.end();
    }
  } finally {
    await prisma?.$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    console.log(`\nDropped ${name}.`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
