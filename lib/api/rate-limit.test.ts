// Regression: in the built server a refused request answered 500 INTERNAL instead of 429 when
// the limiter had been created by another bundle chunk (instrumentation, another route): its
// rejection was a RateLimiterRes of that chunk's copy of the package, and `instanceof` failed.

import { describe, expect, it } from "vitest";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consume, type RateLimitStore } from "./rate-limit";

/** A store whose limiter refuses like one from another copy of the package: a plain object. */
const foreignStore = (rejection: unknown): RateLimitStore => ({
  limiter: () => ({ consume: () => Promise.reject(rejection) }) as unknown as RateLimiterAbstract,
});

describe("a refusal from another copy of the limiter", () => {
  it("is still 429 RESOURCE_EXHAUSTED with the time to retry", async () => {
    const rejection = { msBeforeNext: 12_300, remainingPoints: 0, consumedPoints: 601, isFirstInDuration: false };
    await expect(consume("api", "token:x", foreignStore(rejection))).rejects.toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      options: { headers: { "retry-after": "13", "ratelimit-remaining": "0" } },
    });
  });

  it("a store failure (not a refusal) is not mistaken for one", async () => {
    await expect(consume("api", "token:x", foreignStore(new Error("redis down")))).rejects.toThrow("redis down");
  });
});
