// Rate limits beyond sign-in and sign-up, each where it surfaces. Regressions pinned here:
// invitations could be created without limit (per IP or per organization), "Forgot password?"
// mailed a link on every request with no back-off, a served API answer carried no RateLimit-*
// headers (only a 429 did), and repeated wrong passwords never told the account's owner.

import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { db } from "@/lib/db";
import { authorizeCredentials } from "@/lib/auth/next-auth";
import { requestPasswordReset } from "@/lib/domain/users/password-reset";
import { memoryStore } from "./rate-limit";

const ENV = [
  "RATE_LIMIT_API_PER_MINUTE",
  "RATE_LIMIT_INVITES_IP_PER_HOUR",
  "RATE_LIMIT_INVITES_ORG_PER_HOUR",
  "RATE_LIMIT_PASSWORD_RESET_IP_PER_HOUR",
];
afterEach(() => ENV.forEach((name) => delete process.env[name]));

const ip = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
const emails = (n: number) => Array.from({ length: n }, () => `inv.${randomBytes(4).toString("hex")}@example.test`);

async function setup() {
  const admin = await makeUser("Limit Admin");
  const orgId = (await makeOrg(admin)).organization_id;
  const wsId = (await makeWorkspace(admin, orgId)).workspace_id;
  const token = await makeToken(admin);
  const invite = (list: string[], from: string) =>
    api.post(`/api/v1/organizations/${orgId}/workspaces/${wsId}/invites`, {
      token,
      headers: { "x-forwarded-for": from },
      body: { emails: list, roles: ["workspace-viewer"] },
    });
  return { admin, orgId, wsId, token, invite };
}

describe("RateLimit-* headers", () => {
  it("a served API answer tells the caller's budget, counting down", async () => {
    process.env.RATE_LIMIT_API_PER_MINUTE = "50";
    const { orgId, token } = await setup();
    const first = await api.get(`/api/v1/organizations/${orgId}/workspaces`, { token });
    const second = await api.get(`/api/v1/organizations/${orgId}/workspaces`, { token });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("50");
    expect(first.headers.get("ratelimit-policy")).toBe("50;w=60");
    expect(Number(first.headers.get("ratelimit-remaining"))).toBe(49);
    expect(Number(second.headers.get("ratelimit-remaining"))).toBe(48);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
    // A refused (non-429) answer counts too, and says so.
    const missing = await api.get(`/api/v1/organizations/${orgId}/workspaces/ws_doesnotexist000000000`, { token });
    expect(missing.status).toBe(404);
    expect(Number(missing.headers.get("ratelimit-remaining"))).toBe(47);
  });
});

describe("invitations", () => {
  it("are limited per IP, counted per invited address, with the time to retry", async () => {
    process.env.RATE_LIMIT_INVITES_IP_PER_HOUR = "5";
    const { orgId, invite } = await setup();
    const from = ip();
    expect((await invite(emails(3), from)).status).toBe(201);
    const over = await invite(emails(3), from);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe(8);
    expect(over.body.message).toMatch(/from this address\. Try again in \d+ minutes\./);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(over.headers.get("ratelimit-limit")).toBe("5");
    // The refused batch wrote nothing (and, refused, it used up the window: the IP now waits).
    expect(await (await db()).invitation.count({ where: { organizationId: orgId } })).toBe(3);
    expect((await invite(emails(1), from)).status).toBe(429);
    // Another IP has its own budget.
    expect((await invite(emails(3), ip())).status).toBe(201);
  });

  it("are limited per organization, whichever IP they come from", async () => {
    process.env.RATE_LIMIT_INVITES_ORG_PER_HOUR = "4";
    const { orgId, invite } = await setup();
    expect((await invite(emails(2), ip())).status).toBe(201);
    expect((await invite(emails(2), ip())).status).toBe(201);
    const over = await invite(emails(1), ip());
    expect(over.status).toBe(429);
    expect(over.body.message).toMatch(/in this organization/);
    const prisma = await db();
    expect(await prisma.invitation.count({ where: { organizationId: orgId } })).toBe(4);
    // Another organization is not held back.
    expect((await (await setup()).invite(emails(2), ip())).status).toBe(201);
  });
});

describe("forgot password", () => {
  it("backs off per address after three links, for unknown addresses alike, and mails no more", async () => {
    const user = await makeUser("Reset Spammer");
    const prisma = await db();
    const mails = () => prisma.outboxMail.count({ where: { to: user.email, kind: "password_reset" } });
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: user.email }, { ip: ip() });
    expect(await mails()).toBe(3);
    await expect(requestPasswordReset({ email: user.email.toUpperCase() }, { ip: ip() })).rejects.toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      message: expect.stringMatching(/Try again in \d+ seconds\./),
      options: { headers: { "retry-after": expect.stringMatching(/^(59|60)$/) } },
    });
    expect(await mails()).toBe(3);
    // An address with no account is answered the same way: the limit tells nothing.
    const nobody = `nobody.${randomBytes(4).toString("hex")}@example.test`;
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: nobody }, { ip: ip() });
    await expect(requestPasswordReset({ email: nobody }, { ip: ip() })).rejects.toMatchObject({ code: "RESOURCE_EXHAUSTED" });
  });

  it("is limited per IP across addresses", async () => {
    process.env.RATE_LIMIT_PASSWORD_RESET_IP_PER_HOUR = "3";
    const from = ip();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: `a${i}.${randomBytes(3).toString("hex")}@example.test` }, { ip: from });
    await expect(requestPasswordReset({ email: `z.${randomBytes(3).toString("hex")}@example.test` }, { ip: from })).rejects.toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      message: expect.stringMatching(/from this address/),
    });
  });
});

describe("the owner of an account under sign-in back-off", () => {
  it("gets one mail per lockout window through the outbox, not one per attempt", async () => {
    const user = await makeUser("Guessed At");
    const store = memoryStore(`alert-${randomBytes(4).toString("hex")}`);
    const headers = new Headers({ "x-forwarded-for": "203.0.113.99" });
    const prisma = await db();
    const alerts = () => prisma.outboxMail.findMany({ where: { to: user.email, kind: "sign_in_lockout" } });
    const tryPassword = (password: string) => authorizeCredentials({ email: user.email, password }, headers, store).catch((e: Error) => e.message);
    for (let i = 0; i < 4; i++) await tryPassword("hunter2-guess");
    expect(await alerts()).toHaveLength(0);
    for (let i = 0; i < 20; i++) await tryPassword("hunter2-guess");
    const sent = await alerts();
    expect(sent).toHaveLength(1);
    expect(sent[0].status).toBe("QUEUED");
    expect(sent[0].subject).toBe("Repeated failed sign-ins to your account");
    expect(sent[0].text).toContain("203.0.113.99");
    expect(sent[0].text).toContain("/forgot-password");
    expect(sent[0].text).not.toContain("hunter2-guess");
  });

  it("is not mailed for an address with no account, and the answer is the same", async () => {
    const email = `ghost.${randomBytes(4).toString("hex")}@example.test`;
    const store = memoryStore(`alert-${randomBytes(4).toString("hex")}`);
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i++) {
      outcomes.push(await authorizeCredentials({ email, password: "x" }, new Headers(), store).then(String, (e: Error) => e.message));
    }
    expect(outcomes.slice(5).every((o) => /^RATE_LIMITED:\d+$/.test(o))).toBe(true);
    expect(await (await db()).outboxMail.count({ where: { to: email } })).toBe(0);
  });
});
