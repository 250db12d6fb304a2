import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, type TestUser } from "@/lib/testing/factories";
import { db } from "@/lib/db";

let user: TestUser;
let token: string;
let orgId: string;

beforeAll(async () => {
  user = await makeUser("Idem Potent");
  orgId = (await makeOrg(user)).organization_id;
  token = await makeToken(user);
});

const create = (key: string | undefined, body: unknown, t = token) =>
  api.post(`/api/v1/organizations/${orgId}/workspaces`, { token: t, body, headers: key ? { "idempotency-key": key } : {} });

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, without creating twice", async () => {
    const first = await create("key-1", { title: "Once" });
    expect(first.status).toBe(201);
    const again = await create("key-1", { title: "Once" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotency-replay")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await (await db()).workspace.count({ where: { organizationId: orgId, title: "Once" } })).toBe(1);
  });

  it("refuses the same key with a different body (409 ABORTED)", async () => {
    await create("key-2", { title: "Two" });
    const res = await create("key-2", { title: "Other" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe(10);
    expect(res.body.details[0].reason).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("stores 4xx answers and replays them", async () => {
    const bad = await create("key-3", { title: "" });
    expect(bad.status).toBe(400);
    const replay = await create("key-3", { title: "" });
    expect(replay.status).toBe(400);
    expect(replay.headers.get("idempotency-replay")).toBe("true");
  });

  it("keeps keys per caller", async () => {
    const other = await makeUser("Other Caller");
    const otherOrg = (await makeOrg(other)).organization_id;
    const otherToken = await makeToken(other);
    await create("shared-key", { title: "Mine" });
    const res = await api.post(`/api/v1/organizations/${otherOrg}/workspaces`, {
      token: otherToken,
      body: { title: "Theirs" },
      headers: { "idempotency-key": "shared-key" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotency-replay")).toBeNull();
  });

  it("answers a concurrent duplicate with 409 or the replay, and creates once", async () => {
    const [a, b] = await Promise.all([create("key-race", { title: "Racing" }), create("key-race", { title: "Racing" })]);
    expect([a.status, b.status].sort()).toEqual(a.status === b.status ? [201, 201] : [201, 409]);
    expect(await (await db()).workspace.count({ where: { organizationId: orgId, title: "Racing" } })).toBe(1);
  });

  it("rejects an over-long key", async () => {
    const res = await create("k".repeat(256), { title: "Long key" });
    expect(res.status).toBe(400);
  });

  // Regression: the stored answer of POST /me/tokens held the new token in plaintext (a dump of
  // idempotency_keys showed every token minted with an Idempotency-Key), and the key itself was
  // stored as sent. The row now holds a digest of the key and the answer sealed under it.
  it("keeps neither the key nor the answer in plaintext, and still replays the answer", async () => {
    process.env.NEXTAUTH_SECRET ??= "idempotency-test-secret";
    const { credentialVersion } = await (await db()).user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialVersion: true } });
    const jwt = await encode({ token: { sub: user.id, cv: credentialVersion }, secret: process.env.NEXTAUTH_SECRET });
    const key = `mint-${Date.now()}`;
    const mint = () =>
      api.post("/api/v1/me/tokens", {
        headers: { cookie: `next-auth.session-token=${jwt}`, origin: "http://localhost", "sec-fetch-site": "same-origin", "idempotency-key": key },
        body: { display_name: "Replayed", organization_id: orgId },
      });
    const first = await mint();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const rows = await (await db()).$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM idempotency_keys t WHERE caller_key = 'user:${user.id}'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) {
      expect(row).not.toContain(first.body.token);
      expect(row).not.toContain(key);
    }
    const again = await mint();
    expect(again.headers.get("idempotency-replay")).toBe("true");
    expect(again.body).toEqual(first.body);
  });

  // Regression: a request whose process was SIGKILLed after claiming its key (or that lost the
  // database before releasing it) left the key "still being processed" for 24 hours, so the
  // client could never retry it safely. An unanswered claim older than the lease is taken over.
  it("lets a retry take over a claim its dead request never answered, but not a live one", async () => {
    const prisma = await db();
    const body = JSON.stringify({ title: "After a crash" });
    const url = `http://localhost/api/v1/organizations/${orgId}/workspaces`;
    const { claimIdempotencyKey, requestFingerprint } = await import("./idempotency");
    const callerKey = `user:${user.id}`;
    // Claimed and never answered: the process died. One 61 s ago, one a second ago.
    await claimIdempotencyKey(callerKey, "key-dead", "POST", url, requestFingerprint("POST", url, body));
    await prisma.idempotencyKey.updateMany({ where: { callerKey, responseStatus: null }, data: { createdAt: new Date(Date.now() - 61_000) } });
    await claimIdempotencyKey(callerKey, "key-live", "POST", url, requestFingerprint("POST", url, body));
    const live = await api.post(url, { token, rawBody: body, headers: { "idempotency-key": "key-live" } });
    expect(live.status).toBe(409);
    expect(live.body.details[0].reason).toBe("IDEMPOTENCY_KEY_IN_USE");
    const retried = await api.post(url, { token, rawBody: body, headers: { "idempotency-key": "key-dead" } });
    expect(retried.status).toBe(201);
    const replay = await api.post(url, { token, rawBody: body, headers: { "idempotency-key": "key-dead" } });
    expect(replay.headers.get("idempotency-replay")).toBe("true");
    expect(await prisma.workspace.count({ where: { organizationId: orgId, title: "After a crash" } })).toBe(1);
  });
});
