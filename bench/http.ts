// The product over HTTP at scale, next to a bare server (bench/bare-server.mjs) answering the same
// ListWorkspaces request byte for byte, in one run: rps, p50, p99 and errors at several connection
// counts, Node CPU per request of each server's process tree and PostgreSQL backend CPU per
// request (both from /proc), peak resident memory of each tree, and the product/bare ratio. Then
// the member list at 100,000 members, CountWorkspaceUsers with 1,000 ids and a batchCreate of
// 100 workspaces × 10 members, measured one request at a time. See bench/README.md.
//
//   npx tsx bench/http.ts [--quick] [--duration 10] [--connections 8,32,128] [--keep]
//
// Loopback only; it creates its own database on the local PostgreSQL and drops it at the end.
// The product must be built first (`npx next build`).

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateToken } from "../lib/auth/tokens";
import { DEFAULT_DATA_POLICY } from "../lib/schemas/workspaces";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    duration: { type: "string" },
    connections: { type: "string" },
    keep: { type: "boolean", default: false },
    workspaces: { type: "string", default: "100000" },
    members: { type: "string", default: "100000" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3120" },
    "cpu-prof": { type: "boolean", default: false },
    "mixed-duration": { type: "string" },
    // Also load a product instance whose /api/v1 goes through Next's route files (API_EDGE=off).
    next: { type: "boolean", default: false },
  },
});
const QUICK = args.quick;
const DURATION_S = Number(args.duration ?? (QUICK ? 4 : 10));
const CONNECTIONS = (args.connections ?? (QUICK ? "32" : "8,32,128")).split(",").map(Number);
const SEQ_RUNS = QUICK ? 15 : 40;
const MIXED_S = Number(args["mixed-duration"] ?? (QUICK ? 10 : 30));
const N_WS = Number(args.workspaces);
const N_MEMBERS = Number(args.members);
const PRODUCT_PORT = Number(args.port);
const BARE_PORT = PRODUCT_PORT + 1;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = randomBytes(32).toString("base64url");
const TICK_MS = 10; // /proc times are in USER_HZ = 100 on Linux
const PAGE_KB = 4;

// ---------- /proc ----------

function procStat(pid: number): { ppid: number; cpuMs: number; rssKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS, rssKb: Number(f[21]) * PAGE_KB };
  } catch {
    return undefined;
  }
}

/** pid and every descendant. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push(Number(name));
    children.set(s.ppid, list);
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

const treeCpuMs = (root: number) => tree(root).reduce((sum, pid) => sum + (procStat(pid)?.cpuMs ?? 0), 0);
const treeRssKb = (root: number) => tree(root).reduce((sum, pid) => sum + (procStat(pid)?.rssKb ?? 0), 0);

// ---------- database ----------

const database = `wsa_bench_http_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
})();

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** CPU (ms) of each client backend of the bench database (the servers' pools), by pid. */
async function pgCpu(c: pg.Client): Promise<Map<number, number>> {
  const { rows } = await c.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
  );
  return new Map(rows.map((r) => [r.pid, procStat(r.pid)?.cpuMs ?? 0]));
}

/** Backend CPU spent between two samples; a backend that started in between counts whole. */
function pgCpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) {
    const was = before.get(pid) ?? 0;
    sum += ms >= was ? ms - was : ms;
  }
  return sum;
}

interface Fixture {
  token: string;
  small: string;
  big: string;
  other: string;
  bigWorkspace: string;
  bigWorkspaceIds: string[];
  memberEmails: string[];
}

const id = (prefix: string, expr: string) => `'${prefix}_' || substr(md5(${expr}), 1, 24)`;

const OWNER = "usr_benchowner0000000000000";
const SMALL = "org_benchsmall0000000000000";
// Every seeded workspace has the policy a workspace created without one gets (the console's General tab reads it).
const POLICY = `'${JSON.stringify(DEFAULT_DATA_POLICY)}'::jsonb`;

/** The owner, the 4-workspace organization and the owner's token (for PostgreSQL and PGlite alike). */
function smallOrgSql(tokenHash: string, tokenPrefix: string): string {
  return `
    INSERT INTO users (id, email, display_name, update_time) VALUES ('${OWNER}', 'owner@bench.example', 'Bench Owner', now());
    INSERT INTO organizations (id, title, owner_id, update_time) VALUES ('${SMALL}', 'Small', '${OWNER}', now());
    INSERT INTO organization_preferences (organization_id, update_time) VALUES ('${SMALL}', now());
    INSERT INTO organization_members (organization_id, user_id, roles, update_time) VALUES ('${SMALL}', '${OWNER}', '{org-admin}', now());
    INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
      SELECT ${id("ws", "'s' || i")}, '${SMALL}', 'Small ' || i, 'small ' || i, ${POLICY}, '${OWNER}', now() - i * interval '1 hour', now()
        FROM generate_series(1, 4) i;
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT id, creator_id, '{workspace-admin}', create_time, now() FROM workspaces;
    INSERT INTO personal_access_tokens (id, user_id, display_name, prefix, token_hash, workspace_ids)
      VALUES ('pat_bench0000000000000000000', '${OWNER}', 'bench', '${tokenPrefix}', '${tokenHash}', '{}');`;
}

async function seed(c: pg.Client): Promise<Fixture> {
  const t0 = performance.now();
  const owner = OWNER;
  const owner2 = "usr_benchowner2000000000000";
  const small = SMALL;
  const big = "org_benchbig00000000000000000";
  const other = "org_benchother0000000000000";
  const policy = POLICY;
  const { token, prefix, hash } = generateToken();
  await c.query(smallOrgSql(hash, prefix));
  await c.query(`
    INSERT INTO users (id, email, display_name, update_time) VALUES ('${owner2}', 'owner2@bench.example', 'Other Owner', now());
    INSERT INTO users (id, email, display_name, create_time, update_time)
      SELECT ${id("usr", "'u' || i")}, 'user' || i || '@bench.example', 'User ' || substr(md5('n' || i), 1, 10),
             now() - i * interval '1 minute', now()
        FROM generate_series(1, ${N_MEMBERS}) i;
    INSERT INTO organizations (id, title, owner_id, update_time) VALUES ('${big}', 'Big', '${owner}', now()), ('${other}', 'Other', '${owner2}', now());
    INSERT INTO organization_preferences (organization_id, update_time) VALUES ('${big}', now()), ('${other}', now());
    INSERT INTO organization_members (organization_id, user_id, roles, update_time) VALUES
      ('${big}', '${owner}', '{org-admin}', now()), ('${other}', '${owner2}', '{org-admin}', now());
    INSERT INTO organization_members (organization_id, user_id, roles, create_time, update_time)
      SELECT '${big}', ${id("usr", "'u' || i")}, CASE WHEN i <= 2 THEN '{org-admin}'::text[] ELSE '{org-member}'::text[] END,
             now() - i * interval '1 minute', now()
        FROM generate_series(1, ${N_MEMBERS}) i;
    INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
      SELECT ${id("ws", "o || ':' || i")}, o, 'Workspace ' || i, 'workspace ' || i, ${policy},
             CASE WHEN o = '${big}' THEN '${owner}' ELSE '${owner2}' END, now() - i * interval '1 second', now()
        FROM unnest(ARRAY['${big}', '${other}']) o, generate_series(1, ${N_WS}) i;
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT id, creator_id, '{workspace-admin}', create_time, now() FROM workspaces WHERE organization_id <> '${small}';
  `);
  const bigWorkspace = (await c.query<{ id: string }>(`SELECT ${id("ws", `'${big}:1'`)} AS id`)).rows[0].id;
  await c.query(`
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT '${bigWorkspace}', ${id("usr", "'u' || i")},
             CASE WHEN i % 100 = 0 THEN '{workspace-admin}'::text[] WHEN i % 10 = 0 THEN '{workspace-editor}'::text[] ELSE '{workspace-viewer}'::text[] END,
             now() - i * interval '1 minute', now()
        FROM generate_series(3, ${N_MEMBERS}) i;
  `);
  await c.query("VACUUM ANALYZE");
  const ids = await c.query<{ id: string }>(`SELECT id FROM workspaces WHERE organization_id = $1 ORDER BY create_time DESC OFFSET 1 LIMIT 1000`, [big]); // not the crowded one (the newest)
  const emails = Array.from({ length: 10 }, (_, i) => `user${i + 10}@bench.example`);
  console.log(`data: ${N_WS} + ${N_WS} workspaces, ${N_MEMBERS} members in one workspace, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { token, small, big, other, bigWorkspace, bigWorkspaceIds: ids.rows.map((r) => r.id), memberEmails: emails };
}

// ---------- statements ----------

/**
 * A loopback proxy in front of PostgreSQL that counts what clients send: extended-protocol
 * Execute messages and simple Query messages (statements), and Parse messages with a statement
 * name (named, i.e. prepared once and reused). Used only for a product started for counting.
 */
function statementCounter(target: URL) {
  const counts = { statements: 0, parses: 0, named: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    upstream.pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    let buf = Buffer.alloc(0);
    let started = false;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (!started) {
          if (buf.length < 8) return;
          const len = buf.readInt32BE(0);
          if (buf.length < len) return;
          started = buf.readInt32BE(4) !== 80877103; // an SSLRequest is followed by the real startup
          buf = buf.subarray(len);
          continue;
        }
        if (buf.length < 5) return;
        const len = buf.readInt32BE(1);
        if (buf.length < len + 1) return;
        const type = String.fromCharCode(buf[0]);
        if (type === "E" || type === "Q") counts.statements++;
        if (type === "P") {
          counts.parses++;
          if (buf[5] !== 0) counts.named++;
        }
        buf = buf.subarray(len + 1);
      }
    });
    client.on("close", () => upstream.destroy());
  });
  return { counts, server };
}

// ---------- servers ----------

interface Server {
  name: string;
  proc: ChildProcess;
  port: number;
  peakRssKb: number;
}

async function waitFor(port: number, proc: ChildProcess, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/api/health" }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not start on port ${port}`);
}

/**
 * The product as `npm start` serves it: scripts/serve.mjs with the environment variables and node
 * flags package.json's start script gives it (PORT and HOSTNAME from the environment).
 */
function productCommand(): { argv: string[]; env: Record<string, string> } {
  const startScript = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start;
  const parts = /((?:[A-Z_]+=\S+ )*)exec node ((?:--\S+ )*)scripts\/serve\.mjs/.exec(startScript);
  if (!parts) throw new Error(`package.json's start script does not end in \`[VAR=value …] exec node … scripts/serve.mjs\`: ${startScript}`);
  const env = Object.fromEntries(parts[1].split(" ").filter(Boolean).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
  return { argv: [...parts[2].split(" ").filter(Boolean), path.join(ROOT, "scripts", "serve.mjs")], env };
}

async function start(name: string, argv: string[], port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const proc = spawn(process.execPath, [...nodeArgs, ...argv], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(port, proc, name);
  return { name, proc, port, peakRssKb: 0 };
}

// ---------- load ----------

interface Target {
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: string;
  /** In a mix, what the request is (its latencies are also reported by kind). */
  kind?: string;
}

function request(agent: http.Agent, port: number, token: string, t: Target): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: t.method,
        path: t.path,
        agent,
        headers: { authorization: `Bearer ${token}`, ...(t.body ? { "content-type": "application/json", "content-length": Buffer.byteLength(t.body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(t.body);
  });
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** The failed requests by HTTP status (0: no answer). */
  errorStatuses: Record<number, number>;
  /** p50 and p99 of each kind of request in a mix. */
  byKind: Record<string, { n: number; p50: number; p99: number }>;
  requests: number;
  cpuMsPerReq: number;
  pgMsPerReq: number;
}

/** `targets` in turn, or the i-th request of a generated mix. */
async function load(server: Server, c: pg.Client, token: string, targets: Target[] | ((i: number) => Target), connections: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const run = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    const kinds: Record<string, number[]> = {};
    let errors = 0;
    const errorStatuses: Record<number, number> = {};
    let i = 0;
    const end = performance.now() + ms;
    const worker = async () => {
      while (performance.now() < end) {
        const t = typeof targets === "function" ? targets(i++) : targets[i++ % targets.length];
        const s = performance.now();
        try {
          const res = await request(agent, server.port, token, t);
          if (res.status >= 400) {
            errors++;
            errorStatuses[res.status] = (errorStatuses[res.status] ?? 0) + 1;
          }
        } catch {
          errors++;
          errorStatuses[0] = (errorStatuses[0] ?? 0) + 1;
        }
        if (record) {
          latencies.push(performance.now() - s);
          if (t.kind) (kinds[t.kind] ??= []).push(performance.now() - s);
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return { latencies, kinds, errors, errorStatuses };
  };
  await run(1000, false);
  const cpu0 = treeCpuMs(server.proc.pid!);
  const pg0 = await pgCpu(c);
  const sampler = setInterval(() => {
    server.peakRssKb = Math.max(server.peakRssKb, treeRssKb(server.proc.pid!));
  }, 200);
  const t0 = performance.now();
  const { latencies, kinds, errors, errorStatuses } = await run(seconds * 1000, true);
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const cpu = treeCpuMs(server.proc.pid!) - cpu0;
  const pgSpent = pgCpuSpent(pg0, await pgCpu(c));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const n = latencies.length;
  const byKind = Object.fromEntries(
    Object.entries(kinds).map(([kind, l]) => {
      l.sort((a, b) => a - b);
      return [kind, { n: l.length, p50: quantile(l, 0.5), p99: quantile(l, 0.99) }];
    }),
  );
  return { rps: n / wall, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors, errorStatuses, byKind, requests: n, cpuMsPerReq: cpu / n, pgMsPerReq: pgSpent / n };
}

async function sequential(server: Server, token: string, target: Target, runs: number): Promise<{ p50: number; p99: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < runs + 2; i++) {
    const s = performance.now();
    const res = await request(agent, server.port, token, target);
    if (res.status >= 400) {
      errors++;
      if (errors === 1) console.log(`  ${target.method} ${target.path.slice(0, 80)}: ${res.status} ${res.body.slice(0, 200)}`);
    }
    if (i >= 2) samples.push(performance.now() - s);
  }
  agent.destroy();
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), errors };
}

// ---------- profile ----------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Where the product's CPU went: self time by package (or app chunk) and the top functions. */
function summarizeProfile(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (!files.length) return console.log(`no profile written in ${dir}`);
  const prof = JSON.parse(readFileSync(path.join(dir, files[0]), "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000));
  const area = (url: string) => {
    if (!url) return "(native, GC, idle)";
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
    if (url.includes("/.next/")) return ".next app chunks";
    return path.relative(ROOT, url.replace("file://", ""));
  };
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    if (n.callFrame.functionName === "(idle)") continue;
    total += ms;
    const a = area(n.callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || "(anonymous)"} ${a}:${n.callFrame.lineNumber}`;
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`\nProduct CPU profile (${files[0]}): ${total.toFixed(0)} ms busy; self time by area`);
  for (const [a, ms] of top(areas, 15)) console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${a}`);
  console.log("top functions by self time");
  for (const [f, ms] of top(fns, 15)) console.log(`  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${f}`);
}

// ---------- mixed load, npm start ----------

/**
 * The issue's "64 clients × 30 s of mixed list/get/create/patch": of every ten requests, four
 * list the 4-workspace organization, three get one of its workspaces, two create a workspace (in
 * the 100k organization, so the listed one keeps its size) and one patches a description.
 */
function mixedTargets(small: string, big: string, workspaceIds: string[]): (i: number) => Target {
  const run = randomBytes(4).toString("hex");
  let created = 0; // load() counts from 0 again after its warm-up: titles must not repeat
  return (i) => {
    const ws = workspaceIds[i % workspaceIds.length];
    const kind = i % 10;
    if (kind < 4) return { kind: "list", method: "GET", path: `/api/v1/organizations/${small}/workspaces` };
    if (kind < 7) return { kind: "get", method: "GET", path: `/api/v1/organizations/${small}/workspaces/${ws}` };
    if (kind < 9) return { kind: "create", method: "POST", path: `/api/v1/organizations/${big}/workspaces`, body: JSON.stringify({ title: `Mixed ${run} ${created++}` }) };
    return { kind: "patch", method: "PATCH", path: `/api/v1/organizations/${small}/workspaces/${ws}?update_mask=description`, body: JSON.stringify({ description: `mixed ${i}` }) };
  };
}

function commandOf(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    return argv.map((a) => path.basename(a)).join(" ").slice(0, 40);
  } catch {
    return "?";
  }
}

/**
 * Resident memory of `npm start`'s whole process tree (npm and the server, whose embedded
 * database is a thread of it): idle 3 s after it first serves, and the peak during 5 s of
 * ListWorkspaces at 32 connections, also without npm and with each process's own peak (npm stays
 * resident as the parent of what it starts; the product is the rest). npm start builds first when the sources changed since its own last build (minutes),
 * migrates, and on an empty embedded folder seeds the demo data and prints its API token, which
 * is then the token used; with PostgreSQL it serves the bench database with the bench's token.
 */
async function npmStartMemory(label: string, port: number, env: Record<string, string>, c: pg.Client, fallback: { token: string; org: string }) {
  let out = "";
  const proc = spawn("npm", ["start"], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "pipe", "inherit"] });
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const server: Server = { name: `npm start (${label})`, proc, port, peakRssKb: 0 };
  let pids: number[] = [];
  try {
    await waitFor(port, proc, server.name, 15 * 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    const idleKb = treeRssKb(proc.pid!);
    const ownRssKb = (pid: number) => procStat(pid)?.rssKb ?? 0;
    const idleServerKb = idleKb - ownRssKb(proc.pid!);
    const seeded = /API token of \S+ for organization (\S+):\s+(\S+)/.exec(out);
    const { token, org } = seeded ? { org: seeded[1], token: seeded[2] } : fallback;
    const peakOf = new Map<number, number>();
    let peakServerKb = 0;
    const sampler = setInterval(() => {
      let serverKb = 0;
      for (const pid of tree(proc.pid!)) {
        const kb = ownRssKb(pid);
        peakOf.set(pid, Math.max(peakOf.get(pid) ?? 0, kb));
        if (pid !== proc.pid) serverKb += kb;
      }
      peakServerKb = Math.max(peakServerKb, serverKb);
    }, 200);
    const r = await load(server, c, token, [{ method: "GET", path: `/api/v1/organizations/${org}/workspaces` }], 32, 5);
    clearInterval(sampler);
    pids = tree(proc.pid!);
    const each = pids.map((pid) => `${commandOf(pid)} ${((peakOf.get(pid) ?? 0) / 1024).toFixed(0)}`).join("; ");
    const mb = (kb: number) => (kb / 1024).toFixed(0);
    console.log(`| ${label} | ${mb(idleKb)} | ${mb(server.peakRssKb)} | ${mb(idleServerKb)} | ${mb(peakServerKb)} | ${pids.length}: ${each} | ${f1(r.rps)} | ${f1(r.p99)} | ${r.errors} |`);
  } finally {
    if (!pids.length) pids = tree(proc.pid!);
    for (const pid of pids.reverse()) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
    if (proc.exitCode === null) await new Promise((r) => proc.once("exit", r));
  }
}

// ---------- report ----------

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "-");

async function main() {
  const { argv: productArgv, env: productEnv } = productCommand();
  const profileDir = args["cpu-prof"] ? mkdtempSync(path.join(tmpdir(), "wsa-prof-")) : undefined;
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE "${database}"`));
  const servers: Server[] = [];
  try {
    const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (u: string) => Promise<unknown> };
    await migrate(dbUrl);
    await withClient(dbUrl, async (c) => {
      const fx = await seed(c);
      const env = { ...productEnv, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://127.0.0.1:${PRODUCT_PORT}`, RATE_LIMIT_API_PER_MINUTE: "100000000", CREDENTIALS_KEY: randomBytes(32).toString("base64") };
      const product = await start("product", productArgv, PRODUCT_PORT, env, profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []);
      servers.push(product);
      const bare = await start("bare", [path.join(ROOT, "bench", "bare-server.mjs")], BARE_PORT, env);
      servers.push(bare);
      const viaNext = args.next ? await start("product via Next", productArgv, PRODUCT_PORT + 5, { ...env, API_EDGE: "off" }) : undefined;
      if (viaNext) servers.push(viaNext);

      const listOf = (org: string): Target => ({ method: "GET", path: `/api/v1/organizations/${org}/workspaces` });
      const scenarios = [
        { label: "4-workspace org", target: listOf(fx.small) },
        { label: "100k org", target: listOf(fx.big) },
      ];
      const agent = new http.Agent({ keepAlive: true });
      for (const s of scenarios) {
        const [a, b] = await Promise.all([request(agent, product.port, fx.token, s.target), request(agent, bare.port, fx.token, s.target)]);
        const same = a.status === 200 && a.body === b.body;
        const at = [...a.body].findIndex((ch, i) => ch !== b.body[i]);
        console.log(`ListWorkspaces ${s.label}: product ${a.status}, ${a.body.length} bytes; bare ${b.status}, ${b.body.length} bytes; ${same ? "identical" : `DIFFERENT at ${at}: ${a.body.slice(Math.max(0, at - 40), at + 60)} | ${b.body.slice(Math.max(0, at - 40), at + 60)}`}`);
      }
      agent.destroy();

      // A server that has just started spends its first seconds compiling its hot paths (the first
      // cell read 2.0-2.1x the bare server's CPU per request, later ones 1.1-1.6x): every server
      // gets the same unrecorded 3 s of each list at 32 connections first.
      for (const server of servers) for (const s of scenarios) await load(server, c, fx.token, [s.target], 32, 3);

      console.log(`\nListWorkspaces under load, ${DURATION_S} s per cell, interleaved (ms; CPU = Node CPU of the server's process tree; PG = PostgreSQL backend CPU)`);
      console.log("| org | conns | server | rps | p50 | p99 | errors | CPU ms/req | PG ms/req | product/bare rps |");
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      const smallOnPostgres = new Map<number, LoadResult>();
      for (const conns of CONNECTIONS) {
        for (const s of scenarios) {
          const p = await load(product, c, fx.token, [s.target], conns, DURATION_S);
          if (s === scenarios[0]) smallOnPostgres.set(conns, p);
          const n = viaNext ? await load(viaNext, c, fx.token, [s.target], conns, DURATION_S) : undefined;
          const b = await load(bare, c, fx.token, [s.target], conns, DURATION_S);
          const rows: [string, LoadResult][] = [["product", p], ...(n ? [["product via Next", n] as [string, LoadResult]] : []), ["bare", b]];
          for (const [name, r] of rows) {
            console.log(`| ${s.label} | ${conns} | ${name} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} | ${f2(r.cpuMsPerReq)} | ${f2(r.pgMsPerReq)} | ${name === "bare" ? "" : f2(r.rps / b.rps)} |`);
          }
        }
      }

      console.log(`\nOne request at a time on the product, ${SEQ_RUNS} runs each (ms)`);
      console.log("| request | p50 | p99 | errors |");
      console.log("| --- | --- | --- | --- |");
      const users = (q: string) => ({ method: "GET" as const, path: `/api/v1/organizations/${fx.big}/workspaces/${fx.bigWorkspace}/users?${q}` });
      const seq: [string, Target, number][] = [
        ["ListWorkspaceUsers 100k, default order", users(""), SEQ_RUNS],
        ["ListWorkspaceUsers 100k, order_by=display_name", users("order_by=display_name"), SEQ_RUNS],
        ["ListWorkspaceUsers 100k, order_by=email", users("order_by=email"), SEQ_RUNS],
        ["ListWorkspaceUsers 100k, role_scope = organization", users(`filter=${encodeURIComponent('role_scope = "organization"')}`), SEQ_RUNS],
        ["ListWorkspaceUsers 100k, role = workspace-admin", users(`filter=${encodeURIComponent('role = "workspace-admin"')}`), SEQ_RUNS],
        ["ListWorkspaceUsers 100k, search : user 12", users(`filter=${encodeURIComponent('search : "user12"')}`), SEQ_RUNS],
        ["ListWorkspaces 100k, page_size=1000", { method: "GET", path: `/api/v1/organizations/${fx.big}/workspaces?page_size=1000` }, SEQ_RUNS],
        [
          "CountWorkspaceUsers, 1000 ids",
          { method: "POST", path: `/api/v1/organizations/${fx.big}/workspaces:countUsers`, body: JSON.stringify({ workspace_ids: fx.bigWorkspaceIds }) },
          SEQ_RUNS,
        ],
      ];
      for (const [label, target, runs] of seq) {
        const r = await sequential(product, fx.token, target, runs);
        console.log(`| ${label} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} |`);
      }
      const batchRuns = QUICK ? 2 : 5;
      const batchTimes: number[] = [];
      const bagent = new http.Agent({ keepAlive: true });
      let batchErrors = 0;
      for (let run = 0; run < batchRuns; run++) {
        const body = JSON.stringify({
          requests: Array.from({ length: 100 }, (_, i) => ({
            workspace: { title: `Batch ${run}-${i} ${randomBytes(3).toString("hex")}` },
            members: fx.memberEmails.map((email) => ({ email, roles: ["workspace-viewer"] })),
          })),
        });
        const s = performance.now();
        const res = await request(bagent, product.port, fx.token, { method: "POST", path: `/api/v1/organizations/${fx.small}/workspaces:batchCreate`, body });
        batchTimes.push(performance.now() - s);
        if (res.status >= 400) {
          batchErrors++;
          console.log(`  batchCreate: ${res.status} ${res.body.slice(0, 200)}`);
        }
      }
      bagent.destroy();
      batchTimes.sort((a, b) => a - b);
      console.log(`| batchCreate 100 workspaces × 10 members (${batchRuns} runs) | ${f1(quantile(batchTimes, 0.5))} | ${f1(batchTimes[batchTimes.length - 1])} | ${batchErrors} |`);

      const proxy = statementCounter(new URL(dbUrl));
      await new Promise<void>((r) => proxy.server.listen(PRODUCT_PORT + 2, "127.0.0.1", r));
      const proxied = new URL(dbUrl);
      proxied.host = `127.0.0.1:${PRODUCT_PORT + 2}`;
      const counted = await start("product (counted)", productArgv.map((a) => (a === String(PRODUCT_PORT) ? String(PRODUCT_PORT + 3) : a)), PRODUCT_PORT + 3, { ...env, DATABASE_URL: proxied.toString() });
      try {
        console.log("\nStatements the product sends to PostgreSQL per request (20 requests after 5 warm-up ones)");
        const cagent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (const [label, target] of [
          ["ListWorkspaces, 4-workspace org", scenarios[0].target],
          ["ListWorkspaces, 100k org", scenarios[1].target],
          ["ListWorkspaceUsers 100k, order_by=display_name", users("order_by=display_name")],
        ] as const) {
          for (let i = 0; i < 5; i++) await request(cagent, counted.port, fx.token, target);
          const before = { ...proxy.counts };
          for (let i = 0; i < 20; i++) await request(cagent, counted.port, fx.token, target);
          const per = (k: keyof typeof before) => ((proxy.counts[k] - before[k]) / 20).toFixed(1);
          console.log(`  ${label}: ${per("statements")} statements, ${per("parses")} parsed, ${per("named")} of them named`);
        }
        cagent.destroy();
      } finally {
        counted.proc.kill("SIGTERM");
        proxy.server.close();
      }

      const smallIds = (await c.query<{ id: string }>(`SELECT id FROM workspaces WHERE organization_id = $1`, [fx.small])).rows.map((r) => r.id);
      console.log(`\nMixed list/get/create/patch on the product, 64 connections × ${MIXED_S} s (4 list : 3 get : 2 create : 1 patch)`);
      console.log("| rps | p50 | p99 | errors | CPU ms/req | PG ms/req |");
      console.log("| --- | --- | --- | --- | --- | --- |");
      const mixed = await load(product, c, fx.token, mixedTargets(fx.small, fx.big, smallIds), 64, MIXED_S);
      const byStatus = Object.entries(mixed.errorStatuses).map(([status, n]) => `${n}× ${status === "0" ? "no answer" : status}`).join(", ");
      console.log(`| ${f1(mixed.rps)} | ${f1(mixed.p50)} | ${f1(mixed.p99)} | ${mixed.errors}${byStatus ? ` (${byStatus})` : ""} | ${f2(mixed.cpuMsPerReq)} | ${f2(mixed.pgMsPerReq)} |`);
      console.log(`  by kind (p50 / p99 ms): ${Object.entries(mixed.byKind).map(([k, v]) => `${k} ${f1(v.p50)} / ${f1(v.p99)} (${v.n})`).join("; ")}`);

      // The embedded default: the same product on PGlite (a fresh folder, the 4-workspace org).
      const dir = path.join(mkdtempSync(path.join(tmpdir(), "wsa-pglite-")), "pglite");
      const { openEmbeddedDb } = await import("../lib/embedded-db");
      const embeddedDb = await openEmbeddedDb(dir);
      const embeddedToken = generateToken();
      await embeddedDb.pglite.exec(smallOrgSql(embeddedToken.hash, embeddedToken.prefix));
      await embeddedDb.close();
      const embeddedPort = PRODUCT_PORT + 4;
      // As `npm start` serves it: scripts/serve.mjs starts the database in a process of its own.
      const embedded = await start("product on PGlite", productArgv, embeddedPort, { ...env, DATABASE_URL: "", PGLITE_DIR: dir });
      servers.push(embedded);
      console.log(`\nListWorkspaces, 4-workspace org, on the embedded database (PGlite) vs the product on PostgreSQL above`);
      console.log("| conns | rps | p50 | p99 | errors | CPU ms/req | PGlite/PostgreSQL rps |");
      console.log("| --- | --- | --- | --- | --- | --- | --- |");
      for (const conns of CONNECTIONS) {
        const r = await load(embedded, c, embeddedToken.token, [scenarios[0].target], conns, DURATION_S);
        console.log(`| ${conns} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p99)} | ${r.errors} | ${f2(r.cpuMsPerReq)} | ${f2(r.rps / smallOnPostgres.get(conns)!.rps)} |`);
      }

      console.log("\nResident memory of `npm start` (its whole process tree, and the server without npm, its parent: idle, and peak during 5 s of ListWorkspaces @32; each process's own peak MB)");
      console.log("| database | idle MB | peak MB | server idle MB | server peak MB | processes | rps | p99 | errors |");
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      const startEnv = { NEXTAUTH_SECRET: SECRET, RATE_LIMIT_API_PER_MINUTE: "100000000", CREDENTIALS_KEY: env.CREDENTIALS_KEY };
      const startDir = path.join(mkdtempSync(path.join(tmpdir(), "wsa-npm-start-")), "pglite");
      await npmStartMemory("embedded (PGlite)", PRODUCT_PORT + 5, { ...startEnv, DATABASE_URL: "", PGLITE_DIR: startDir, NEXTAUTH_URL: `http://127.0.0.1:${PRODUCT_PORT + 5}` }, c, { token: fx.token, org: fx.small });
      await npmStartMemory("PostgreSQL", PRODUCT_PORT + 6, { ...startEnv, DATABASE_URL: dbUrl, NEXTAUTH_URL: `http://127.0.0.1:${PRODUCT_PORT + 6}` }, c, { token: fx.token, org: fx.small });

      console.log("\nPeak resident memory of each process tree during the run");
      for (const s of servers) console.log(`  ${s.name}: ${(s.peakRssKb / 1024).toFixed(0)} MB over ${tree(s.proc.pid!).length} process(es) (${s.name === "bare" ? "node bench/bare-server.mjs" : [...Object.entries(productEnv).map(([k, v]) => `${k}=${v}`), "node", ...productArgv.map((a) => path.relative(ROOT, a) || a)].join(" ")})`);
    });
  } finally {
    for (const s of servers) s.proc.kill("SIGTERM");
    await Promise.all(servers.map((s) => (s.proc.exitCode === null ? new Promise((r) => s.proc.once("exit", r)) : undefined)));
    if (profileDir) summarizeProfile(profileDir);
    if (!args.keep) await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    else console.log(`kept database ${database}`);
  }
}

await main();
