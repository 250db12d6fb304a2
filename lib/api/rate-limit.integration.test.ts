// Regression: there was no rate limit anywhere — 100 wrong passwords in a row for one account,
// then the right one signed in; 1,200 API requests on one token got no 429. These pin the limiter
// (memory and Redis) that now stands in the way.

import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { consume, memoryStore, redisClient, redisStore, signInBackoffSeconds, type RateLimitStore } from "./rate-limit";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

async function spend(store: RateLimitStore, key: string, n: number) {
  let ok = 0;
  const refused: ApiError[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await consume("api", key, store);
      ok++;
    } catch (e) {
      refused.push(e as ApiError);
    }
  }
  return { ok, refused };
}

describe("the limiter", () => {
  it("backs off exponentially after the free failures, up to the cap", () => {
    expect([1, 4, 5, 6, 7, 10, 30].map(signInBackoffSeconds)).toEqual([0, 0, 1, 2, 4, 32, 900]);
  });

  it("refuses past the budget with 429 RESOURCE_EXHAUSTED, Retry-After and RateLimit-* headers", async () => {
    process.env.RATE_LIMIT_API_PER_MINUTE = "5";
    try {
      const { ok, refused } = await spend(memoryStore(`t${randomBytes(4).toString("hex")}`), "token:a", 8);
      expect(ok).toBe(5);
      expect(refused).toHaveLength(3);
      const e = refused[0];
      expect(e.code).toBe("RESOURCE_EXHAUSTED");
      expect(e.httpStatus).toBe(429);
      const headers = e.options.headers!;
      expect(Number(headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Number(headers["retry-after"])).toBeLessThanOrEqual(60);
      expect(headers["ratelimit-limit"]).toBe("5");
      expect(headers["ratelimit-remaining"]).toBe("0");
      expect(headers["ratelimit-reset"]).toBe(headers["retry-after"]);
    } finally {
      delete process.env.RATE_LIMIT_API_PER_MINUTE;
    }
  });
});

describe("the Redis store", () => {
  const clients = [redisClient(REDIS_URL), redisClient(REDIS_URL)];
  afterAll(() => clients.forEach((c) => c.disconnect()));

  it("is shared by two instances: one budget across both", async () => {
    await Promise.all(clients.map((c) => (c.status === "ready" ? undefined : new Promise((resolve) => c.once("ready", resolve)))));
    process.env.RATE_LIMIT_API_PER_MINUTE = "10";
    const prefix = `wsa:test:${randomBytes(6).toString("hex")}`;
    try {
      const [a, b] = clients.map((c) => redisStore(c, prefix));
      const first = await spend(a, "token:shared", 6);
      const second = await spend(b, "token:shared", 6);
      expect(first.ok).toBe(6);
      expect(second.ok).toBe(4);
      expect(second.refused).toHaveLength(2);
      expect(second.refused[0].code).toBe("RESOURCE_EXHAUSTED");
      // And the keys really are in Redis, under the test's own prefix.
      expect((await clients[0].keys(`${prefix}*`)).length).toBeGreaterThan(0);
    } finally {
      delete process.env.RATE_LIMIT_API_PER_MINUTE;
      const keys = await clients[0].keys(`${prefix}*`);
      if (keys.length) await clients[0].del(...keys);
    }
  });
});
