// ListWorkspaceUsers at scale: a workspace of 100,000 members (plus org admins), searched with
// `search : "…"`. Creates its own database on the local PostgreSQL, fills it with INSERT … SELECT
// generate_series, prints median timings per query and the EXPLAIN ANALYZE of the search, then
// repeats the searches without the trigram indexes for comparison, and drops the database.
//
//   npx tsx --conditions=react-server bench/members.ts
//   BENCH_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres  MEMBERS=100000  RUNS=15

import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "../lib/prisma-client";
import { provideDb } from "../lib/db";
import { Prisma } from "../lib/generated/prisma/client";
import { authorize } from "../lib/auth/authorize";
import type { RequestContext } from "../lib/auth/context";
import { createUser } from "../lib/domain/users/create-user";
import { createOrganization } from "../lib/domain/organizations/create-organization";
import { createWorkspace } from "../lib/domain/workspaces/create-workspace";
import { listWorkspaceUsers, planWorkspaceUsers } from "../lib/domain/members/list-workspace-users";
import { OrganizationCreateInput } from "../lib/schemas/organizations";
import { WorkspaceCreateInput } from "../lib/schemas/workspaces";

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 15);

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Ken", "Dennis", "Radia", "Tim", "Linus", "Hedy", "Katherine", "Claude", "Niklaus", "Bjarne", "Guido", "Anita", "Shafi", "Leslie", "Tony", "Sophie", "Yukihiro", "Ida", "Carol", "Jean", "Adele", "Marvin", "Seymour", "Butler", "Fran", "Mary", "Annie", "Dorothy", "Evelyn", "Lois", "Joan"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Thompson", "Ritchie", "Perlman", "Berners-Lee", "Torvalds", "Lamarr", "Johnson", "Shannon", "Wirth", "Stroustrup", "van Rossum", "Borg", "Goldwasser", "Lamport", "Hoare", "Wilson", "Matsumoto", "Rhodes", "Shaw", "Sammet", "Goldberg", "Minsky", "Papert", "Lampson", "Bilas", "Keller", "Easley", "Vaughan", "Boyd", "Haibt", "Clarke"];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function main() {
  const name = `wsa_bench_members_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  console.log(`database ${name} (dropped at the end)`);
  const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (url: string) => Promise<unknown> };
  await migrate(url.toString());
  const client = await createPrismaClient(url.toString());
  provideDb(client.prisma);
  const prisma = client.prisma;
  try {
    const owner = await createUser({ email: "owner@bench.example", display_name: "Bench Owner", password: randomBytes(12).toString("hex") });
    const ctx: RequestContext = {
      caller: { userId: owner.id, email: owner.email, displayName: owner.displayName },
      requestId: "bench",
      ip: "",
      userAgent: "bench",
    };
    const org = await createOrganization(ctx, OrganizationCreateInput.parse({ title: "Bench Org" }));
    const orgAccess = await authorize(ctx, "create:Workspace", { organizationId: org.organization_id });
    const ws = await createWorkspace(ctx, orgAccess, WorkspaceCreateInput.parse({ title: "Big Workspace" }));

    let t = performance.now();
    const first = Prisma.sql`((${FIRST})::text[])`;
    const last = Prisma.sql`((${LAST})::text[])`;
    await prisma.$executeRaw(Prisma.sql`
      INSERT INTO users (id, email, display_name, create_time, update_time)
      SELECT 'usr_' || md5('bench' || i),
             lower(f.first) || '.' || lower(replace(l.last, ' ', '')) || '.' || i || '@bench.example',
             f.first || ' ' || l.last || ' ' || i,
             now() - i * interval '1 second', now() - i * interval '1 second'
        FROM generate_series(1, ${MEMBERS}) AS i,
             LATERAL (SELECT ${first}[1 + i % ${FIRST.length}] AS first) f,
             LATERAL (SELECT ${last}[1 + (i / ${FIRST.length}) % ${LAST.length}] AS last) l`);
    await prisma.$executeRaw(Prisma.sql`
      INSERT INTO organization_members (organization_id, user_id, roles, create_time, update_time)
      SELECT ${org.organization_id}, 'usr_' || md5('bench' || i),
             CASE WHEN i % 20000 = 0 THEN ARRAY['org-admin'] ELSE ARRAY['org-member'] END,
             now() - i * interval '1 second', now() - i * interval '1 second'
        FROM generate_series(1, ${MEMBERS}) AS i`);
    await prisma.$executeRaw(Prisma.sql`
      INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT ${ws.workspace_id}, 'usr_' || md5('bench' || i),
             CASE WHEN i % 1000 = 0 THEN ARRAY['workspace-admin'] WHEN i % 10 = 0 THEN ARRAY['workspace-editor'] ELSE ARRAY['workspace-viewer'] END,
             now() - i * interval '1 second', now() - i * interval '1 second'
        FROM generate_series(1, ${MEMBERS}) AS i
       WHERE i % 40000 <> 0`);
    // As autovacuum would: statistics, and GIN pending lists merged into the indexes.
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const counts = await prisma.$queryRaw<{ users: bigint; members: bigint }[]>(Prisma.sql`
      SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM workspace_members WHERE workspace_id = ${ws.workspace_id}) AS members`);
    console.log(`filled ${counts[0].users} users, ${counts[0].members} workspace members in ${Math.round(performance.now() - t)} ms`);

    const access = await authorize(ctx, "read:Member", { organizationId: org.organization_id, workspaceId: ws.workspace_id });
    const queries: [string, Record<string, string>][] = [
      ['search : "hopper"', { filter: 'search : "hopper"' }],
      ['search : "lovelace 4"', { filter: 'search : "lovelace 4"' }],
      ['search : "12345"', { filter: 'search : "12345"' }],
      ['search : "grace.turing"', { filter: 'search : "grace.turing"' }],
      ['search : "hopper", order_by display_name', { filter: 'search : "hopper"', order_by: "display_name" }],
      ['search : "hopper" AND role = "Workspace Editor"', { filter: 'search : "hopper" AND role = "Workspace Editor"' }],
      ["no filter (created_time desc)", {}],
      ["no filter, order_by display_name", { order_by: "display_name" }],
      ["no filter, order_by email desc", { order_by: "email desc" }],
      ["no filter, order_by updated_time desc", { order_by: "updated_time desc" }],
      ['role = "Workspace Admin"', { filter: 'role = "Workspace Admin"' }],
    ];

    const measure = async (label: string, params: Record<string, string>) => {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        t = performance.now();
        const page = await listWorkspaceUsers(ctx, access, params);
        times.push(performance.now() - t);
        rows = page.users.length;
      }
      return { label, median: median(times), min: Math.min(...times), rows };
    };

    const explain = async (params: Record<string, string>) => {
      const plan = await planWorkspaceUsers(ctx, access, params);
      const out = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${plan.query}`);
      return out.map((r) => r["QUERY PLAN"]).join("\n");
    };

    const report = (title: string, results: { label: string; median: number; min: number; rows: number }[]) => {
      console.log(`\n${title} (${RUNS} runs each, page_size 50)`);
      for (const r of results) console.log(`  ${r.label.padEnd(52)} median ${r.median.toFixed(1).padStart(7)} ms   min ${r.min.toFixed(1).padStart(7)} ms   rows ${r.rows}`);
    };

    for (const [, params] of queries) await listWorkspaceUsers(ctx, access, params); // warm up
    const withIndex = [];
    for (const [label, params] of queries) withIndex.push(await measure(label, params));
    report("ListWorkspaceUsers with the trigram indexes", withIndex);

    // Keyset paging stays flat with depth: the page after row 50,000 (default order).
    let deep = "";
    for (let i = 0; i < 50; i++) deep = (await listWorkspaceUsers(ctx, access, { page_size: "1000", ...(deep ? { page_token: deep } : {}) })).next_page_token;
    report("Deep paging", [await measure("page after row 50,000 (created_time desc)", { page_token: deep })]);

    const trigramUsed = (plan: string) => (/users_(display_name|email)_trgm_idx/.test(plan) ? "yes" : "no");
    const plan = await explain({ filter: 'search : "12345"' });
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) for search : "12345":\n${plan}`);
    console.log("\nPlans by search term:");
    for (const filter of ['search : "12345"', 'search : "grace.turing"', 'search : "lovelace 4"', 'search : "hopper"']) {
      const text = await explain({ filter });
      const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
      console.log(`  ${filter.padEnd(28)} trigram index used: ${trigramUsed(text).padEnd(4)} execution ${time} ms`);
    }

    await prisma.$executeRawUnsafe("DROP INDEX users_display_name_trgm_idx");
    await prisma.$executeRawUnsafe("DROP INDEX users_email_trgm_idx");
    const withoutIndex = [];
    for (const [label, params] of queries.filter(([l]) => l.startsWith("search"))) withoutIndex.push(await measure(label, params));
    report("The same searches without the trigram indexes", withoutIndex);
    const seqPlan = await explain({ filter: 'search : "12345"' });
    console.log(`\nEXPLAIN without the indexes for search : "12345" (scan nodes):\n${seqPlan.split("\n").filter((l) => /Scan|Execution Time/.test(l)).join("\n")}`);
  } finally {
    await client.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
