// The console's weight and first paint:
//  1. first-load JS of every console page, read from the `next build` output: the chunks Next
//     lists per route in .next/diagnostics/route-bundle-stats.json (lib/testing/first-load-js.ts,
//     shared with the budget test e2e/api/first-load-js.spec.ts), raw and gzipped;
//  2. LCP of the workspace list and a workspace's Members page in Chromium, signed in, on a
//     throwaway database filled with SQL (an organization of 1,000 workspaces, 500 members in one
//     of them), each load in a fresh browser context (empty HTTP cache) after one warm-up load;
//     with the JS the browser actually fetched for that load.
//
//   npx next build && npx tsx bench/console.ts [--runs 7] [--port 3106] [--keep]
//
// BENCH_DATABASE_URL (default: TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres)
// names the server; the benchmark only ever drops the database it created itself.

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { chromium, type Browser } from "@playwright/test";
import { DEFAULT_DATA_POLICY } from "../lib/schemas/workspaces";
import { firstLoadJs } from "../lib/testing/first-load-js";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    port: { type: "string", default: "3106" },
    keep: { type: "boolean", default: false },
    "sizes-only": { type: "boolean", default: false },
  },
});
const RUNS = Number(args.runs);
const PORT = Number(args.port);
const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_DIR = path.join(ROOT, ".next");
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const N_WORKSPACES = 1000;
const N_MEMBERS = 500;

const kb = (n: number) => (n / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---------- 1. first-load JS from the build output ----------

function firstLoadTable(): void {
  const build = JSON.parse(readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const shared = build.rootMainFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(NEXT_DIR, f)), { level: 9 }).length, 0);
  console.log(`\nFirst-load JS per page, from the build output (shared root chunks: ${kb(shared)} kB gzip)`);
  console.log("| page | chunks | gzip kB | raw kB |");
  console.log("| --- | --- | --- | --- |");
  for (const r of firstLoadJs(ROOT)) console.log(`| ${r.route} | ${r.chunks} | ${kb(r.gzipBytes)} | ${kb(r.rawBytes)} |`);
}

// ---------- 2. LCP in Chromium ----------

async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, values);
  } finally {
    await c.end();
  }
}

function cli(dbUrl: string, ...argv: string[]): string {
  const out = execFileSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/cli.ts", ...argv], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl },
    encoding: "utf8",
  });
  return out.trim().split("\n").pop()!;
}

const id = (prefix: string, expr: string) => `'${prefix}_' || substr(md5(${expr}), 1, 24)`;

async function seed(dbUrl: string, password: string): Promise<{ email: string; orgId: string; wsId: string }> {
  const email = "owner@console-bench.example";
  const ownerId = cli(dbUrl, "user:create", "--email", email, "--name", "Bench Owner", `--password=${password}`);
  const orgId = cli(dbUrl, "org:create", "--title", "Console Bench", "--owner", email);
  const policy = `'${JSON.stringify(DEFAULT_DATA_POLICY)}'::jsonb`; // what a workspace created without one gets
  await sql(dbUrl, `
    INSERT INTO users (id, email, display_name, create_time, update_time)
      SELECT ${id("usr", "'cb' || i")}, 'member' || i || '@console-bench.example', 'Member ' || substr(md5('n' || i), 1, 10), now() - i * interval '1 minute', now()
        FROM generate_series(1, ${N_MEMBERS}) i;
    INSERT INTO organization_members (organization_id, user_id, roles, create_time, update_time)
      SELECT '${orgId}', ${id("usr", "'cb' || i")}, '{org-member}', now() - i * interval '1 minute', now() FROM generate_series(1, ${N_MEMBERS}) i;
    INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
      SELECT ${id("ws", "'cbw' || i")}, '${orgId}', 'Workspace ' || i, 'workspace ' || i, ${policy}, '${ownerId}', now() - i * interval '1 minute', now()
        FROM generate_series(1, ${N_WORKSPACES}) i;
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT id, creator_id, '{workspace-admin}', create_time, now() FROM workspaces WHERE organization_id = '${orgId}';
  `);
  const wsId = (await sql(dbUrl, `SELECT ${id("ws", "'cbw1'")} AS id`)).rows[0].id as string;
  await sql(dbUrl, `
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
      SELECT '${wsId}', ${id("usr", "'cb' || i")}, CASE WHEN i % 10 = 0 THEN '{workspace-editor}'::text[] ELSE '{workspace-viewer}'::text[] END, now() - i * interval '1 minute', now()
        FROM generate_series(1, ${N_MEMBERS}) i;
  `);
  await sql(dbUrl, "VACUUM ANALYZE");
  return { email, orgId, wsId };
}

async function waitForServer(proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited with ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port: PORT, path: "/api/health" }, (res) => (res.resume(), resolve(res.statusCode === 200))).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start on port ${PORT}`);
}

interface Load {
  lcp: number;
  jsKb: number;
}

async function measure(browser: Browser, baseURL: string, cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>, pathname: string, ready: string): Promise<Load> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  try {
    await page.goto(pathname, { waitUntil: "load" });
    await page.locator(ready).first().waitFor();
    return await page.evaluate(
      () =>
        new Promise<Load>((resolve) => {
          const js = performance
            .getEntriesByType("resource")
            .filter((e) => (e as PerformanceResourceTiming).initiatorType === "script" || e.name.endsWith(".js"))
            .reduce((n, e) => n + (e as PerformanceResourceTiming).encodedBodySize, 0);
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve({ lcp: entries[entries.length - 1].startTime, jsKb: js / 1024 });
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve({ lcp: Number.NaN, jsKb: js / 1024 }), 5000);
        }),
    );
  } finally {
    await context.close();
  }
}

async function lcpTable(): Promise<void> {
  const database = `wsa_bench_console_${randomBytes(4).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dbUrl = url.toString();
  await sql(ADMIN_URL, `CREATE DATABASE "${database}"`);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const { migrate } = (await import("../scripts/migrate.mjs")) as { migrate: (u: string) => Promise<unknown> };
    await migrate(dbUrl);
    const password = randomBytes(12).toString("base64url");
    const fx = await seed(dbUrl, password);
    const baseURL = `http://127.0.0.1:${PORT}`;
    server = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseURL, CREDENTIALS_KEY: randomBytes(32).toString("base64"), NODE_ENV: "production", JOBS: "off" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForServer(server);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
    });
    const signIn = await browser.newContext({ baseURL });
    const { csrfToken } = (await (await signIn.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await signIn.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: fx.email, password, json: "true" }, maxRedirects: 0 });
    if (res.status() >= 400) throw new Error(`sign-in failed: ${res.status()}`);
    const cookies = await signIn.cookies();
    await signIn.close();

    const pages = [
      { label: `workspace list (${N_WORKSPACES} workspaces, first page)`, path: `/o/${fx.orgId}/workspaces`, ready: 'table[aria-label="Workspaces"] tbody tr' },
      { label: `members (${N_MEMBERS + 1} members, first page)`, path: `/o/${fx.orgId}/workspaces/${fx.wsId}/members`, ready: 'table[aria-label="Members"] tbody tr' },
    ];
    console.log(`\nLCP in Chromium, 1440×900, signed in; each load in a fresh context (cold HTTP cache), after one warm-up load; ${RUNS} loads (ms)`);
    console.log("| page | LCP p50 | LCP min | LCP max | JS fetched, kB (transfer) |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const p of pages) {
      await measure(browser, baseURL, cookies, p.path, p.ready);
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await measure(browser, baseURL, cookies, p.path, p.ready));
      const lcps = loads.map((l) => l.lcp).filter((n) => !Number.isNaN(n));
      console.log(`| ${p.label} | ${median(lcps).toFixed(0)} | ${Math.min(...lcps).toFixed(0)} | ${Math.max(...lcps).toFixed(0)} | ${median(loads.map((l) => l.jsKb)).toFixed(1)} |`);
    }
  } finally {
    await browser?.close();
    server?.kill("SIGTERM");
    if (!args.keep) await sql(ADMIN_URL, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    else console.log(`kept database ${database}`);
  }
}

async function main() {
  if (!existsSync(path.join(NEXT_DIR, "build-manifest.json"))) throw new Error("No build: run `npx next build` first.");
  firstLoadTable();
  if (!args["sizes-only"]) await lcpTable();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
