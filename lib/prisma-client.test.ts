import { describe, expect, it } from "vitest";
import { PLAN_PER_EXECUTION, statementNamer } from "./prisma-client";

describe("statementNamer", () => {
  it("names a statement by its text, the same text the same name", () => {
    const nameOf = statementNamer();
    const a = nameOf("SELECT 1");
    expect(a).toMatch(/^wsa_/);
    expect(nameOf("SELECT 1")).toBe(a);
    expect(nameOf("SELECT 2")).not.toBe(a);
  });

  it("leaves a statement marked PLAN_PER_EXECUTION unnamed, every time", () => {
    const nameOf = statementNamer();
    expect(nameOf(`${PLAN_PER_EXECUTION}SELECT 1`)).toBeUndefined();
    expect(nameOf(`${PLAN_PER_EXECUTION}SELECT 1`)).toBeUndefined();
  });
});
