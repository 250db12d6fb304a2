// Regression: sign-in had no limit — 100 wrong passwords in a row for one account, then the
// right one signed in. Now the account backs off exponentially and the IP is held back.

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { memoryStore } from "@/lib/api/rate-limit";
import { makeUser } from "@/lib/testing/factories";
import { authorizeCredentials } from "./next-auth";

const store = () => memoryStore(`signin-${randomBytes(4).toString("hex")}`);
const from = (ip: string) => new Headers({ "x-forwarded-for": ip });

async function attempt(s: ReturnType<typeof store>, email: string, password: string, ip = "203.0.113.7") {
  try {
    return { user: await authorizeCredentials({ email, password }, from(ip), s) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe("sign-in rate limits", () => {
  it("100 wrong passwords, then the right one is refused with the time to wait", async () => {
    const user = await makeUser("Brute Target");
    const s = store();
    const outcomes = [];
    for (let i = 0; i < 100; i++) outcomes.push(await attempt(s, user.email, `wrong-${i}`));
    expect(outcomes.slice(0, 5).every((o) => o.user === null)).toBe(true);
    expect(outcomes.slice(5).every((o) => /^RATE_LIMITED:\d+$/.test(o.error ?? ""))).toBe(true);
    const right = await attempt(s, user.email, user.password);
    expect(right.user).toBeUndefined();
    const wait = Number(right.error!.split(":")[1]);
    // 95 refused attempts in a row have pushed the back-off to its cap.
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
  }, 60_000);

  it("the right password before the back-off signs in and ends the run of failures", async () => {
    const user = await makeUser("Forgetful");
    const s = store();
    for (let i = 0; i < 4; i++) expect((await attempt(s, user.email, "nope")).user).toBeNull();
    expect((await attempt(s, user.email, user.password)).user?.id).toBe(user.id);
    // The count starts again: four more wrong ones are plain failures, not a wait.
    for (let i = 0; i < 4; i++) expect((await attempt(s, user.email, "nope")).user).toBeNull();
  });

  it("the wait is short at first and the account signs in once it has passed", async () => {
    const user = await makeUser("Patient");
    const s = store();
    for (let i = 0; i < 5; i++) await attempt(s, user.email, "nope");
    const held = await attempt(s, user.email, user.password);
    expect(held.error).toMatch(/^RATE_LIMITED:[12]$/);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await attempt(s, user.email, user.password)).user?.id).toBe(user.id);
  });

  it("one IP trying many accounts is held back for all of them", async () => {
    process.env.RATE_LIMIT_SIGNIN_IP_PER_15_MINUTES = "8";
    try {
      const s = store();
      const victim = await makeUser("Sprayed");
      for (let i = 0; i < 8; i++) await attempt(s, `nobody-${i}@example.test`, "guess", "198.51.100.9");
      expect((await attempt(s, victim.email, victim.password, "198.51.100.9")).error).toMatch(/^RATE_LIMITED:/);
      expect((await attempt(s, victim.email, victim.password, "198.51.100.10")).user?.id).toBe(victim.id);
    } finally {
      delete process.env.RATE_LIMIT_SIGNIN_IP_PER_15_MINUTES;
    }
  });
});
