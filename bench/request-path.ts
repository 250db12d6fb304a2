// The cost of the REST request path in-process: the route handler of GET ListWorkspaces (a
// 4-workspace organization) and GET GetWorkspace called with real Request objects, as Next calls
// them, through authentication (personal access token), authorization, the domain call and the
// response. Run it on two checkouts to compare a change of the pipeline (the numbers of one run
// only make sense next to another run on the same machine).
//
//   NODE_ENV=production npx tsx --conditions=react-server bench/request-path.ts [--requests 2000]
//
// It creates, migrates and drops its own PostgreSQL database (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else the local server).

import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { GLOBAL_OMIT, type Db } from "../lib/prisma-client";
import { provideDb } from "../lib/db";

const { values: args } = parseArgs({ options: { requests: { type: "string", default: "2000" } } });
const REQUESTS = Number(args.requests);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function measure(label: string, handler: Handler, url: string, params: Record<string, string>, token: string) {
  const send = async () => {
    const res = await handler(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    await res.text();
  };
  for (let i = 0; i < 100; i++) await send();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const s = performance.now();
    await send();
    samples.push(performance.now() - s);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  console.log(
    `${label.padEnd(30)} ${(REQUESTS / (wall / 1000)).toFixed(0).padStart(6)} req/s   p50 ${q(0.5).toFixed(2)} ms   p99 ${q(0.99).toFixed(2)} ms   node CPU ${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(3)} ms/req`,
  );
}

async function main() {
  const database = `wsa_bench_path_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  await admin(`CREATE DATABASE "${database}"`);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 4 }), omit: GLOBAL_OMIT });
  try {
    const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (u: string) => Promise<unknown> };
    await migrate(url.toString());
    provideDb(prisma as unknown as Db);
    const { makeOrg, makeToken, makeUser, makeWorkspace } = await import("../lib/testing/factories");
    const owner = await makeUser("Bench Owner");
    const org = await makeOrg(owner);
    const workspaces = [];
    for (let i = 0; i < 4; i++) workspaces.push(await makeWorkspace(owner, org.organization_id));
    const token = await makeToken(owner);
    const list = (await import("../app/api/v1/organizations/[org]/workspaces/route")) as unknown as { GET: Handler };
    const one = (await import("../app/api/v1/organizations/[org]/workspaces/[ws]/route")) as unknown as { GET: Handler };
    const base = `http://localhost/api/v1/organizations/${org.organization_id}/workspaces`;
    console.log(`NODE_ENV=${process.env.NODE_ENV ?? ""}, ${REQUESTS} sequential requests each`);
    await measure("ListWorkspaces (4 workspaces)", list.GET, base, { org: org.organization_id }, token);
    const ws = workspaces[0].workspace_id;
    await measure("GetWorkspace", one.GET, `${base}/${ws}`, { org: org.organization_id, ws }, token);
  } finally {
    await prisma.$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

await main();
