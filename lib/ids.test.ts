// Ids and tokens draw their randomness from a pooled CSPRNG buffer (lib/ids): each byte is handed
// out once, across refills of the pool, and ids keep their shape.

import { describe, expect, it } from "vitest";
import { looksLikeId, newId, randomBase62, randomBytesPooled } from "./ids";

describe("pooled random ids", () => {
  it("make well-formed, distinct ids across many refills of the pool", () => {
    const ids = Array.from({ length: 5000 }, () => newId("inv"));
    expect(ids.every((id) => looksLikeId(id, "inv") && id.length === 28)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("hand out fresh bytes of the asked length, spread over every value", () => {
    const blocks = Array.from({ length: 400 }, () => randomBytesPooled(32)); // 12,800 bytes: three refills
    expect(blocks.every((b) => b.length === 32)).toBe(true);
    expect(new Set(blocks.map((b) => b.toString("hex"))).size).toBe(blocks.length);
    const seen = new Set(blocks.flatMap((b) => [...b]));
    expect(seen.size).toBe(256);
  });

  it("use all 62 characters", () => {
    const text = randomBase62(20_000);
    expect(text).toMatch(/^[0-9A-Za-z]{20000}$/);
    expect(new Set(text).size).toBe(62);
  });
});
