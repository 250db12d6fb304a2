// Secrets at rest, in answers and in logs. A full scenario runs: sign-up with a password, email
// verification, a password reset, sign-in, a personal access token minted over REST with a
// session cookie, then every operation of the registry (the shared scenarios, through the REST
// route, each change with an Idempotency-Key) — tokens, OAuth credentials with client secrets,
// invitations sent, accepted and declined — and the outbox is delivered. Afterwards a dump of
// every row of every table (read through information_schema, all columns), every response body
// and header, and every log line must hold none of the plaintext passwords, access tokens,
// invitation, verification or reset tokens, or client secrets. The one place a secret may appear
// is the answer that creates it (a token is shown once).

import { format } from "node:util";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { randomBase62 } from "@/lib/ids";
import { api, type ApiResponse, type CallOptions } from "@/lib/testing/api-client";
import { tableNames } from "@/lib/testing/db-snapshot";
import { makeToken, makeUser, type TestUser } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { CLIENT_SECRET_PREFIX, makeTenant, NOT_FOR_TOKENS, SCENARIOS, scenarioCoverage, urlOf, withInvitation } from "@/lib/testing/operation-scenarios";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { verifyEmail } from "@/lib/domain/users/verify-email";
import { deliverDueMails, type OutgoingMail } from "@/lib/jobs/deliver-mail";
import { OPERATIONS } from ".";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest secrets" }) }));

process.env.NEXTAUTH_SECRET ??= "secrets-suite-session-secret";
process.env.RATE_LIMIT_API_PER_MINUTE = "1000000";

const LINK = /\/(invite|verify-email|reset-password)\/([A-Za-z0-9_-]{16,})/g;

/** Every secret the scenario handled, by kind. */
const secrets = new Map<string, string>();
const remember = (kind: string, value: string) => {
  expect(value.length, kind).toBeGreaterThanOrEqual(8);
  secrets.set(value, kind);
};

/** What the product said: every answer (but the secret a creation hands out once) and every log line. */
const answers: { label: string; text: string }[] = [];
const logLines: string[] = [];
const restores: (() => void)[] = [];

function captureLogs() {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const spy = vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logLines.push(format(...args)));
    restores.push(() => spy.mockRestore());
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logLines.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restores.push(() => void (stream.write = write));
  }
}

function record(label: string, res: ApiResponse, handedOut?: string) {
  let text = JSON.stringify(res.body) + JSON.stringify([...res.headers]);
  if (handedOut) text = text.replaceAll(handedOut, "[the token this answer creates]");
  answers.push({ label, text });
}

/** Reads every link still in the outbox (before delivery removes them) into the secrets. */
async function linksInOutbox() {
  const mails = await (await db()).outboxMail.findMany({ select: { text: true, html: true } });
  for (const m of mails) for (const [, , token] of `${m.text} ${m.html}`.matchAll(LINK)) remember("mailed link token", token);
}

async function sessionCookie(userId: string): Promise<Record<string, string>> {
  const { credentialVersion } = await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { credentialVersion: true } });
  const jwt = await encode({ token: { sub: userId, cv: credentialVersion }, secret: process.env.NEXTAUTH_SECRET! });
  return { cookie: `next-auth.session-token=${jwt}`, origin: "http://localhost", "sec-fetch-site": "same-origin" };
}

async function dump(): Promise<{ table: string; row: string }[]> {
  const prisma = await db();
  const out: { table: string; row: string }[] = [];
  for (const table of await tableNames()) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table.replaceAll('"', '""')}" t`);
    for (const { row } of rows) out.push({ table, row });
  }
  return out;
}

/** Each secret, and where it was found. */
function findings(places: { label: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { label, text } of places) {
    for (const [secret, kind] of secrets) if (text.includes(secret)) found.push(`${kind} in ${label}`);
    if (text.includes(CLIENT_SECRET_PREFIX)) found.push(`a client secret in ${label}`);
  }
  return [...new Set(found)];
}

beforeAll(() => captureLogs());
afterAll(() => restores.forEach((r) => r()));

describe("no plaintext secret at rest, in an answer or in a log line", () => {
  it("after a full scenario", { timeout: 120_000 }, async () => {
    expect(scenarioCoverage().missing).toEqual([]);
    const { signUpAction } = await import("@/app/signup/actions");
    const { requestPasswordResetAction } = await import("@/app/forgot-password/actions");
    const { resetPasswordAction } = await import("@/app/reset-password/[token]/actions");

    // An account of one's own: sign-up, verification, a reset, sign-in (once wrong, once right).
    const email = `secret.keeper.${randomBase62(8).toLowerCase()}@example.test`;
    const password = `pw-${randomBase62(20)}`;
    remember("sign-up password", password);
    const signedUp = await signUpAction({ name: "Secret Keeper", email, password });
    expect(signedUp.ok, JSON.stringify(signedUp)).toBe(true);
    answers.push({ label: "sign-up answer", text: JSON.stringify(signedUp) });
    await linksInOutbox();
    expect((await verifyEmail(await tokenFromOutbox(email, "verify-email"))).verified).toBe(true);
    const forgot = await requestPasswordResetAction({ email });
    answers.push({ label: "forgot-password answer", text: JSON.stringify(forgot) });
    await linksInOutbox();
    const newPassword = `new-pw-${randomBase62(20)}`;
    remember("new password", newPassword);
    const reset = await resetPasswordAction({ token: await tokenFromOutbox(email, "reset-password"), password: newPassword });
    expect(reset.ok, JSON.stringify(reset)).toBe(true);
    answers.push({ label: "reset-password answer", text: JSON.stringify(reset) });
    expect(await verifyCredentials(email, password)).toBeFalsy();
    const me = await verifyCredentials(email, newPassword);
    expect(me).toBeTruthy();
    const userId = (me as { id: string }).id;

    // A token minted over REST with the session cookie (the console's way), with an Idempotency-Key.
    const orgId = signedUp.ok ? signedUp.data.organizationId : "";
    const mint = { headers: { ...(await sessionCookie(userId)), "idempotency-key": `mint-${randomBase62(8)}` }, body: { display_name: "Keeper CLI", organization_id: orgId } };
    const minted = await api.post("/api/v1/me/tokens", mint);
    expect(minted.status, JSON.stringify(minted.body)).toBe(201);
    remember("personal access token", minted.body.token);
    record("POST /me/tokens", minted, minted.body.token);
    const replayed = await api.post("/api/v1/me/tokens", mint);
    record("POST /me/tokens (replayed)", replayed, minted.body.token);
    record("GET /me with the minted token", await api.get("/api/v1/me", { token: minted.body.token }));

    // Every operation of the registry, each change in a tenant of its own, the reads in one with
    // an invitation pending (so lists, mails and audit logs have a link to leak if they would).
    const owner = await makeUser("Secret Scenario Owner");
    const users: TestUser[] = [owner];
    const readTenant = await makeTenant("Secret Scenario Owner", owner);
    await withInvitation(readTenant);
    for (const op of OPERATIONS) {
      const tenant = op.method === "GET" ? readTenant : await makeTenant("Secret Scenario Owner", owner);
      const { caller, raw } = await SCENARIOS[op.id](tenant);
      users.push(caller);
      await linksInOutbox();
      const options: CallOptions = { body: op.method === "GET" ? undefined : (raw.body ?? {}), headers: {} };
      if (op.method !== "GET") options.headers!["idempotency-key"] = `secrets-${randomBase62(10)}`;
      if (NOT_FOR_TOKENS.has(op.id)) Object.assign(options.headers!, await sessionCookie(caller.id));
      else {
        options.token = await makeToken(caller);
        remember("personal access token", options.token);
      }
      const res = await api[op.method.toLowerCase() as "get"](urlOf(op.path, raw.params, raw.query), options);
      expect(res.status, `${op.id}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      const created = op.id === "CreateAccessToken" ? (res.body.token as string) : undefined;
      if (created) remember("personal access token", created);
      record(`${op.method} ${op.path} (${op.id})`, res, created);
      await linksInOutbox();
    }
    for (const u of users) remember("a user's password", u.password);

    // The outbox is delivered; the links then exist only in the mailbox.
    const delivered: OutgoingMail[] = [];
    const prisma = await db();
    while ((await deliverDueMails(prisma, { send: async (m) => void delivered.push(m) }, { batchSize: 500 })).sent > 0);
    expect(delivered.length).toBeGreaterThan(5);
    expect(await prisma.outboxMail.count({ where: { status: { not: "SENT" } } })).toBe(0);

    const rows = await dump();
    expect(new Set(rows.map((r) => r.table)).size).toBeGreaterThanOrEqual(14);
    expect({
      database: findings(rows.map((r) => ({ label: `table ${r.table}: ${r.row.slice(0, 200)}`, text: r.row }))),
      answers: findings(answers),
      logs: findings(logLines.map((text, i) => ({ label: `log line ${i}: ${text.slice(0, 200)}`, text }))),
    }).toEqual({ database: [], answers: [], logs: [] });
    // The search looked at something: every kind of secret was handled.
    expect(new Set(secrets.values())).toEqual(new Set(["sign-up password", "new password", "mailed link token", "personal access token", "a user's password"]));
    expect(answers.length).toBeGreaterThan(OPERATIONS.length);
  });
});
