import { describe, expect, it } from "vitest";
import { parseEmailList } from "./email-list";

describe("parseEmailList", () => {
  it("splits on commas, semicolons, spaces and lines, lower-cases, and drops repeats", () => {
    const parsed = parseEmailList("A@Example.test, b@example.test;\nc@example.test  a@example.TEST", "");
    expect(parsed.map((p) => [p.email, p.problem])).toEqual([
      ["a@example.test", ""],
      ["b@example.test", ""],
      ["c@example.test", ""],
    ]);
  });

  it("reduces Name <address> to the address", () => {
    expect(parseEmailList("<ada@example.test>", "")[0].email).toBe("ada@example.test");
  });

  it("flags malformed addresses and those outside the domain", () => {
    const parsed = parseEmailList("nope ok@acme.example other@elsewhere.example", "acme.example");
    expect(parsed.map((p) => p.problem)).toEqual(["not an email address", "", "outside acme.example"]);
  });
});
