// ListAuditLogs at scale: one organization with 1,000,000 audit entries over 100 workspaces,
// 12 kinds of change and 50 actors, spread over a year. Creates its own database on the local
// PostgreSQL, fills it with INSERT … SELECT generate_series, prints median timings of the
// organization's and a workspace's first page, filtered first pages and a later page, the
// EXPLAIN ANALYZE of the filtered page, then drops the database.
//
//   npx tsx --conditions=react-server bench/audit.ts
//   BENCH_ADMIN_URL=postgresql://postgres@127.0.0.1:5432/postgres  ENTRIES=1000000  RUNS=9

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
import { listOrganizationAuditLogs, listWorkspaceAuditLogs } from "../lib/domain/audit/list-audit-logs";
import { exportAuditLogs } from "../lib/domain/audit/export-audit-logs";
import { organizationAuditScope } from "../lib/domain/audit/list-audit-logs";
import { OrganizationCreateInput } from "../lib/schemas/organizations";
import { WorkspaceCreateInput } from "../lib/schemas/workspaces";

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ENTRIES = Number(process.env.ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 9);
const WORKSPACES = 100;
const ACTIONS = [
  "workspace.update", "member.add", "member.remove", "member.update", "role.create", "role.update",
  "role.delete", "invitation.create", "invitation.revoke", "preferences.update", "credential.create", "support_access.grant",
];
const ACTORS = 50;

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

async function measure(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  console.log(`${label.padEnd(72)} ${median(times).toFixed(1).padStart(8)} ms`);
}

async function main() {
  const name = `wsa_bench_audit_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  console.log(`database ${name} (dropped at the end)`);
  let client: Awaited<ReturnType<typeof createPrismaClient>> | undefined;
  try {
    const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (url: string) => Promise<unknown> };
    await migrate(url.toString());
    client = await createPrismaClient(url.toString());
    provideDb(client.prisma);
    const prisma = client.prisma;
    const owner = await createUser({ email: "owner@bench.example", display_name: "Bench Owner", password: randomBytes(12).toString("hex") });
    const ctx: RequestContext = {
      caller: { userId: owner.id, email: owner.email, displayName: owner.displayName },
      requestId: "bench",
      ip: "",
      userAgent: "bench",
    };
    const org = (await createOrganization(ctx, OrganizationCreateInput.parse({ title: "Bench Org" }))).organization_id;
    const createAccess = await authorize(ctx, "create:Workspace", { organizationId: org });
    const workspaces: string[] = [];
    for (let i = 0; i < WORKSPACES; i++) {
      workspaces.push((await createWorkspace(ctx, createAccess, WorkspaceCreateInput.parse({ title: `WS ${i}` }))).workspace_id);
    }

    let t = performance.now();
    await prisma.$executeRaw(Prisma.sql`
      INSERT INTO audit_log_entries (id, organization_id, workspace_id, action, actor_type, actor_id, actor_email, resource, request_id, ip, user_agent, changes, create_time)
      SELECT 'aud_' || md5('bench' || g),
             ${org},
             (${workspaces}::text[])[1 + g % ${WORKSPACES}],
             (${ACTIONS}::text[])[1 + (g / 7) % ${ACTIONS.length}],
             'USER',
             'usr_bench' || (g % ${ACTORS}),
             'actor' || (g % ${ACTORS}) || '@bench.example',
             'organizations/' || ${org} || '/workspaces/' || (${workspaces}::text[])[1 + g % ${WORKSPACES}],
             'req_' || g, '10.0.0.' || (g % 250), 'bench/1.0',
             jsonb_build_object('before', jsonb_build_object('title', 'old ' || g), 'after', jsonb_build_object('title', 'new ' || g)),
             timestamptz '2026-01-01T00:00:00Z' + (g * interval '31 seconds')
        FROM generate_series(1, ${ENTRIES}) AS g`);
    await prisma.$executeRawUnsafe("VACUUM ANALYZE audit_log_entries");
    console.log(`inserted ${ENTRIES.toLocaleString("en")} entries in ${((performance.now() - t) / 1000).toFixed(1)} s (with VACUUM ANALYZE)`);

    const access = await authorize(ctx, "read:AuditLog", { organizationId: org });
    const wsAccess = await authorize(ctx, "read:AuditLog", { organizationId: org, workspaceId: workspaces[17] });
    const list = (params: Record<string, string>) => listOrganizationAuditLogs(ctx, access, params);

    await measure("ListOrganizationAuditLogs page 1 (50, newest first)", () => list({ page_size: "50" }));
    const page1 = await list({ page_size: "50" });
    await measure("ListOrganizationAuditLogs page 2 (page token)", () => list({ page_size: "50", page_token: page1.next_page_token }));
    // Page 1000 of 50: walk there with pages of 1000 (tokens are bound to filter and order, not size).
    let token = "";
    for (let i = 0; i < 49; i++) token = (await list({ page_size: "1000", page_token: token })).next_page_token;
    const tail = (await list({ page_size: "950", page_token: token })).next_page_token;
    await measure("ListOrganizationAuditLogs page 1000 (rows 49,951–50,000)", () => list({ page_size: "50", page_token: tail }));
    await measure('filter action = "role.delete"', () => list({ page_size: "50", filter: 'action = "role.delete"' }));
    await measure('filter actor_email = "actor7@bench.example"', () => list({ page_size: "50", filter: 'actor_email = "actor7@bench.example"' }));
    await measure('filter create_time >= "2026-06-01…" AND < "2026-06-02…"', () =>
      list({ page_size: "50", filter: 'create_time >= "2026-06-01T00:00:00Z" AND create_time < "2026-06-02T00:00:00Z"' }),
    );
    await measure('filter action = "member.add" AND create_time < "2026-03-01…"', () =>
      list({ page_size: "50", filter: 'action = "member.add" AND create_time < "2026-03-01T00:00:00Z"' }),
    );
    await measure('filter resource = one workspace', () => list({ page_size: "50", filter: `resource = "organizations/${org}/workspaces/${workspaces[3]}"` }));
    await measure("ListWorkspaceAuditLogs page 1 (one of 100 workspaces)", () => listWorkspaceAuditLogs(wsAccess, { page_size: "50" }));
    await measure('ListWorkspaceAuditLogs filter action = "role.delete"', () => listWorkspaceAuditLogs(wsAccess, { page_size: "50", filter: 'action = "role.delete"' }));

    t = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = 0;
    let bytes = 0;
    const reader = exportAuditLogs(organizationAuditScope(ctx, access), { filter: 'create_time >= "2026-03-01T00:00:00Z" AND create_time < "2026-04-01T00:00:00Z"' }).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().heapUsed - heapBefore);
    }
    console.log(`ExportAuditLogs, one month (${(bytes / 1e6).toFixed(1)} MB CSV): ${((performance.now() - t) / 1000).toFixed(2)} s, heap growth at most ${(peak / 1e6).toFixed(1)} MB (no forced GC)`);

    const explain = async (label: string, filterSql: Prisma.Sql) => {
      const rows = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`
        EXPLAIN (ANALYZE, BUFFERS)
        SELECT id, create_time FROM audit_log_entries
         WHERE organization_id = ${org} AND ${filterSql}
         ORDER BY create_time DESC, id DESC LIMIT 51`);
      console.log(`\nEXPLAIN ${label}:\n${rows.map((r) => `  ${r["QUERY PLAN"]}`).join("\n")}`);
    };
    await explain('action = "role.delete"', Prisma.sql`action = 'role.delete'`);
    await explain('actor_email = "actor7@bench.example"', Prisma.sql`actor_email = 'actor7@bench.example'`);
  } finally {
    await client?.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
