// `npm test`: the whole suite — typecheck, lint, unit and integration tests (vitest, PostgreSQL),
// the API's integration tests again over HTTP through the node edge, then the built app under
// Playwright in Chromium. Ends with "N passed, N failed" on its own line and exits non-zero on any
// failure.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const results = [];
const out = ".test-results";
mkdirSync(out, { recursive: true });

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function record(name, passed, failed) {
  results.push({ name, passed, failed });
  console.log(`\n[${name}] ${passed} passed, ${failed} failed`);
}

async function checkPostgres() {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
  } catch (e) {
    console.error(`PostgreSQL is not reachable at ${url} (${e.message}).`);
    console.error("Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set TEST_DATABASE_URL.");
    process.exit(1);
  }
}

await checkPostgres();

// Static checks count as one test each: a type error or lint error fails the run like a test.
record("typecheck", ...(run("npx", ["tsc", "--noEmit"]) === 0 ? [1, 0] : [0, 1]));
record("lint", ...(run("npx", ["eslint", "."]) === 0 ? [1, 0] : [0, 1]));

const vitestJson = `${out}/vitest.json`;
rmSync(vitestJson, { force: true });
const vitestStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  const failed = v.numFailedTests + (vitestStatus !== 0 && v.numFailedTests === 0 ? 1 : 0);
  record("vitest", v.numPassedTests, failed);
} else {
  record("vitest", 0, 1);
}

// The API suite once more over HTTP through the node edge, the path `npm start` serves /api/v1 on
// (the run above calls the route files in-process): what only a real connection shows, such as a
// kept-alive connection after a refused body, or a URL over Node's header limit.
const edgeJson = `${out}/vitest-edge.json`;
rmSync(edgeJson, { force: true });
const edgeStatus = run("npx", ["vitest", "run", "--project", "integration", "app/api", "--reporter=default", "--reporter=json", `--outputFile.json=${edgeJson}`], { API_VIA: "edge" });
if (existsSync(edgeJson)) {
  const v = JSON.parse(readFileSync(edgeJson, "utf8"));
  record("api-edge", v.numPassedTests, v.numFailedTests + (edgeStatus !== 0 && v.numFailedTests === 0 ? 1 : 0));
} else {
  record("api-edge", 0, 1);
}

const buildStatus = run("npx", ["next", "build"]);
if (buildStatus !== 0) {
  record("build", 0, 1);
} else {
  const pwJson = `${out}/playwright.json`;
  rmSync(pwJson, { force: true });
  const pwStatus = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, "utf8")).stats;
    const failed = s.unexpected + s.flaky + (pwStatus !== 0 && s.unexpected === 0 ? 1 : 0);
    record("playwright", s.expected, failed);
  } else {
    record("playwright", 0, 1);
  }
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("");
for (const r of results) console.log(`  ${r.name.padEnd(11)} ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
