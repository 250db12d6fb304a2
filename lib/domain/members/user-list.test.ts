import { describe, expect, it } from "vitest";
import { likeContains } from "./user-list";

describe("likeContains", () => {
  it("wraps the value in wildcards and escapes LIKE's own", () => {
    expect(likeContains("john")).toBe("%john%");
    expect(likeContains("100%")).toBe("%100\\%%");
    expect(likeContains("a_b")).toBe("%a\\_b%");
    expect(likeContains("back\\slash")).toBe("%back\\\\slash%");
    expect(likeContains("")).toBe("%%");
  });
});
