// Regression: signing out only dropped the browser's cookie; the session JWT itself stayed valid
// until it expired (12 h), so a copied cookie kept working on every instance after sign-out.

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { makeUser } from "@/lib/testing/factories";
import { db } from "@/lib/db";
import { callerFromSessionJwt } from "./authenticate";
import { endSession, forgetExpiredEndedSessions, sessionEnded } from "./ended-sessions";

process.env.NEXTAUTH_SECRET ??= "ended-sessions-test-secret";

describe("sign-out ends the session everywhere", () => {
  it("a signed-out session's token is refused; another session of the same user is not", async () => {
    const user = await makeUser("Signs Out");
    const [mine, other] = [randomUUID(), randomUUID()];
    const jwt = (sid: string) => encode({ token: { sub: user.id, cv: 1, sid }, secret: process.env.NEXTAUTH_SECRET! });
    expect((await callerFromSessionJwt(await jwt(mine)))?.userId).toBe(user.id);
    await endSession(mine, Math.floor(Date.now() / 1000) + 3600);
    expect(await callerFromSessionJwt(await jwt(mine))).toBeUndefined();
    expect((await callerFromSessionJwt(await jwt(other)))?.userId).toBe(user.id);
    // Signing out twice is harmless.
    await endSession(mine, Math.floor(Date.now() / 1000) + 3600);
  });

  it("forgets ended sessions once their tokens have expired anyway", async () => {
    const sid = randomUUID();
    await endSession(sid, Math.floor(Date.now() / 1000) - 1);
    expect(await sessionEnded(sid)).toBe(true);
    await forgetExpiredEndedSessions();
    expect(await sessionEnded(sid)).toBe(false);
    expect(await (await db()).endedSession.count({ where: { id: sid } })).toBe(0);
  });
});
