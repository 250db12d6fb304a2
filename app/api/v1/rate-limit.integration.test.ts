// Regression: 1,200 API requests on one token got no 429 — no caller had a budget. With the
// default RATE_LIMIT_API_PER_MINUTE (600), the rest are 429 RESOURCE_EXHAUSTED with Retry-After
// and RateLimit-* headers, and another token of the same user has its own budget.

import { describe, expect, it } from "vitest";
import { api, type ApiResponse } from "@/lib/testing/api-client";
import { makeToken, makeUser } from "@/lib/testing/factories";
import { errorInfo } from "@/lib/testing/rpc";

describe("the per-caller API budget", () => {
  it("1,200 requests on one token: 600 answered, the rest 429 with Retry-After", async () => {
    expect(process.env.RATE_LIMIT_API_PER_MINUTE).toBeUndefined();
    const user = await makeUser("Busy Bot");
    const token = await makeToken(user);
    const statuses: number[] = [];
    let refusal: ApiResponse | undefined;
    for (let batch = 0; batch < 60; batch++) {
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.get("/api/v1/me", { token })));
      for (const a of answers) {
        statuses.push(a.status);
        if (a.status === 429) refusal ??= a;
      }
    }
    expect(statuses).toHaveLength(1200);
    expect(statuses.filter((s) => s === 200)).toHaveLength(600);
    expect(statuses.filter((s) => s === 429)).toHaveLength(600);
    expect(refusal!.body.code).toBe(8);
    expect(errorInfo(refusal!.body)?.reason).toBe("RATE_LIMITED");
    expect(Number(refusal!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refusal!.headers.get("ratelimit-limit")).toBe("600");
    expect(refusal!.headers.get("ratelimit-remaining")).toBe("0");
    expect(refusal!.headers.get("x-request-id")).toBeTruthy();

    const other = await makeToken(user);
    expect((await api.get("/api/v1/me", { token: other })).status).toBe(200);
  }, 120_000);
});
