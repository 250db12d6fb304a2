import { describe, expect, it } from "vitest";
import { rovingTabIndex, rovingTarget } from "./roving";

describe("roving tabindex", () => {
  it("makes one item per group tabbable: the chosen one, else the first", () => {
    expect([0, 1, 2].map((i) => rovingTabIndex(i, 1))).toEqual([-1, 0, -1]);
    expect([0, 1, 2].map((i) => rovingTabIndex(i, -1))).toEqual([0, -1, -1]);
  });

  it("moves with the arrows (wrapping), Home and End, and ignores other keys", () => {
    expect(rovingTarget("ArrowRight", 2, 3)).toBe(0);
    expect(rovingTarget("ArrowLeft", 0, 3)).toBe(2);
    expect(rovingTarget("ArrowDown", 0, 3)).toBe(1);
    expect(rovingTarget("Home", 2, 3)).toBe(0);
    expect(rovingTarget("End", 0, 3)).toBe(2);
    expect(rovingTarget("Tab", 0, 3)).toBeNull();
  });
});
