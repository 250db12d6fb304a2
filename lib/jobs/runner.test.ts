import { describe, expect, it } from "vitest";
import { describeError } from "./runner";

describe("describeError", () => {
  it("keeps the first line of the message", () => {
    expect(describeError(new Error("relation missing\nDETAIL: more"))).toBe("relation missing");
  });

  it("names the error and its code when the message is empty", () => {
    const refused = Object.assign(new Error(""), { code: "ECONNREFUSED" });
    expect(describeError(refused)).toBe("Error ECONNREFUSED");
    expect(describeError(new TypeError(""))).toBe("TypeError");
  });

  it("adds the code when the message does not mention it", () => {
    expect(describeError(Object.assign(new Error("database is gone"), { code: "3D000" }))).toBe("database is gone (3D000)");
    expect(describeError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(
      "connect ECONNREFUSED 127.0.0.1:5432",
    );
  });

  it("describes a thrown non-error", () => {
    expect(describeError("boom")).toBe("boom");
    expect(describeError(undefined)).toBe("undefined");
  });
});
