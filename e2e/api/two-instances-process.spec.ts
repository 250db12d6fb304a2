// Two instances: two real server processes on one PostgreSQL database and one Redis, as behind a
// load balancer (one public URL, one NEXTAUTH_SECRET). They share the rate limits, the
// Idempotency-Keys, the sessions (a cookie from A works on B; signing out or changing the
// password on A makes B refuse it) and the mail worker (each outbox mail delivered once).
// Regression found here: signing out only dropped the browser's cookie, and the same token kept
// working on the other instance (sessions now carry a sid that sign-out records for all).

import { expect, test } from "@playwright/test";
import { startTestSmtp, type TestSmtp } from "../../lib/testing/smtp";
import { makeWorld, startServer, type ProcessWorld, type ServerProcess } from "../processes/server";

// Ports beside the suite's own (E2E_PORT, default 3100), so two checkouts can run the suite at once.
const PORTS = [Number(process.env.E2E_PORT ?? 3100) + 33, Number(process.env.E2E_PORT ?? 3100) + 34];
const PUBLIC_URL = `http://localhost:${PORTS[0]}`;
const API_LIMIT = 30;

let world: ProcessWorld;
let smtp: TestSmtp;
let a: ServerProcess;
let b: ServerProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = await startTestSmtp();
  world = await makeWorld(["twoadmin", "twolimit", "twosession"]);
  const env = {
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    NEXTAUTH_URL: PUBLIC_URL,
    RATE_LIMIT_API_PER_MINUTE: String(API_LIMIT),
    JOBS: "on",
    JOBS_INTERVAL_MS: "200",
    SMTP_URL: smtp.url,
  };
  [a, b] = await Promise.all(PORTS.map((port) => startServer({ port, dbUrl: world.dbUrl, env })));
});

test.afterAll(async () => {
  await Promise.all([a?.kill("SIGTERM"), b?.kill("SIGTERM")]);
  await smtp?.close();
  await world?.drop();
});

const call = (server: ServerProcess, method: string, path: string, init: { token?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie, origin: PUBLIC_URL } : {}),
      "content-type": "application/json",
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

/** Cookies from Set-Cookie headers, merged into a Cookie header value. */
function cookieJar(previous: string, res: Response): string {
  const jar = new Map(previous.split("; ").filter(Boolean).map((c) => [c.slice(0, c.indexOf("=")), c.slice(c.indexOf("=") + 1)]));
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const name = pair.slice(0, pair.indexOf("="));
    const value = pair.slice(pair.indexOf("=") + 1);
    if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Signs in through next-auth on `server` (CSRF token, credentials callback) and returns the cookies. */
async function signIn(server: ServerProcess, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  let jar = cookieJar("", csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar = cookieJar(jar, res);
  expect(jar).toContain("next-auth.session-token=");
  return jar;
}

async function signOut(server: ServerProcess, jar: string): Promise<void> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: jar } });
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${server.url}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieJar(jar, csrf) },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(res.status).toBeLessThan(400);
}

const sessionOnly = (jar: string) => jar.split("; ").filter((c) => c.startsWith("next-auth.session-token")).join("; ");

test("rate limits are one budget across both instances", async () => {
  const token = world.people.twolimit.token;
  const statuses: number[] = [];
  const remaining: number[] = [];
  for (let i = 0; i < API_LIMIT + 6; i++) {
    const res = await call(i % 2 === 0 ? a : b, "GET", "/me", { token });
    statuses.push(res.status);
    if (res.status === 200) remaining.push(Number(res.headers.get("ratelimit-remaining")));
  }
  console.log(`[two] ${statuses.filter((s) => s === 200).length} of ${statuses.length} alternating requests served: ${statuses.join(",")}`);
  expect(statuses.slice(0, API_LIMIT).every((s) => s === 200)).toBe(true);
  expect(statuses.slice(API_LIMIT).every((s) => s === 429)).toBe(true);
  // Each instance's answer counts the other's requests too.
  expect(remaining).toEqual(Array.from({ length: API_LIMIT }, (_, i) => API_LIMIT - 1 - i));
});

test("an Idempotency-Key sent to A and then to B has one effect", async () => {
  const { orgId, people } = world;
  const token = people.twoadmin.token;
  const send = (server: ServerProcess, key: string, title: string) =>
    call(server, "POST", `/organizations/${orgId}/workspaces`, { token, body: { title }, headers: { "idempotency-key": key } });
  const first = await send(a, "two-1", "Twice Sent");
  const second = await send(b, "two-1", "Twice Sent");
  expect(first.status).toBe(201);
  expect(second.status).toBe(201);
  expect(second.headers.get("idempotency-replay")).toBe("true");
  expect(await second.json()).toEqual(await first.json());
  // At the same moment on both: one runs, the other is refused as in flight or replays.
  const [x, y] = await Promise.all([send(a, "two-2", "Raced Across"), send(b, "two-2", "Raced Across")]);
  expect([x.status, y.status].sort()).toEqual(x.status === y.status ? [201, 201] : [201, 409]);
  const rows = await world.sql<{ title: string }>(`SELECT title FROM workspaces WHERE organization_id = $1 AND title IN ('Twice Sent', 'Raced Across') ORDER BY title`, [orgId]);
  expect(rows.map((r) => r.title)).toEqual(["Raced Across", "Twice Sent"]);
});

test("a session from A works on B; signing out on A ends it on B", async () => {
  const { email, password } = world.people.twosession;
  const jar = await signIn(a, email, password);
  const cookie = sessionOnly(jar);
  expect((await call(b, "GET", "/me", { cookie })).status).toBe(200);
  await signOut(a, jar);
  const after = await call(b, "GET", "/me", { cookie });
  expect(after.status).toBe(401);
  expect((await after.json()).code).toBe(16);
});

test("a new password set on A ends the sessions signed in before, on B too", async ({ page }) => {
  const { email, password } = world.people.twosession;
  const cookie = sessionOnly(await signIn(a, email, password));
  expect((await call(b, "GET", "/me", { cookie })).status).toBe(200);
  await page.goto(`${a.url}/forgot-password`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  // The worker of one of the instances delivers the link.
  await expect.poll(() => smtp.received.some((m) => m.to.includes(email) && m.body.includes("/reset-password/")), { timeout: 20_000 }).toBe(true);
  const link = /\/reset-password\/[A-Za-z0-9_-]+/.exec(smtp.received.find((m) => m.to.includes(email) && m.body.includes("/reset-password/"))!.body)![0];
  await page.goto(`${a.url}${link}`);
  await page.getByLabel("New password").fill(`new-${password}`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).not.toHaveURL(/reset-password/);
  expect((await call(b, "GET", "/me", { cookie })).status).toBe(401);
  // The new password signs in, on B.
  const fresh = sessionOnly(await signIn(b, email, `new-${password}`));
  expect((await call(a, "GET", "/me", { cookie: fresh })).status).toBe(200);
});

test("both mail workers drain one outbox, each mail sent once", async () => {
  const { orgId, workspaceId, people } = world;
  const emails = Array.from({ length: 30 }, (_, i) => `two-${i}@outside.example`);
  const res = await call(b, "POST", `/organizations/${orgId}/workspaces/${workspaceId}/invites`, { token: people.twoadmin.token, body: { emails, roles: ["workspace-viewer"] } });
  expect(res.status).toBe(201);
  await expect
    .poll(async () => (await world.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_mails WHERE status <> 'SENT'`))[0].n, { timeout: 30_000 })
    .toBe(0);
  const sent = await world.sql<{ id: string }>(`SELECT id FROM outbox_mails`);
  const ids = smtp.received.map((m) => m.messageId);
  const times = (id: string) => ids.filter((r) => r === `<${id}@workspace-admin>`).length;
  console.log(`[two] outbox: ${sent.length} mails, ${ids.length} received over SMTP`);
  expect(sent.filter((m) => times(m.id) !== 1).map((m) => `${m.id}: ${times(m.id)}`)).toEqual([]);
  expect(ids.length).toBe(sent.length);
});
