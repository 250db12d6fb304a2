import { describe, expect, it } from "vitest";
import { fieldErrorsOf, relabel } from "./action-result";

describe("relabel", () => {
  // Regression: the organization name field said "Title is required", naming the API field.
  it("names the field as the form labels it", () => {
    expect(relabel("title is required", "title", "name")).toBe("Name is required");
    expect(relabel("title must be at most 256 characters", "title", "name")).toBe("Name must be at most 256 characters");
    expect(relabel("must not be empty", "title", "name")).toBe("Must not be empty");
  });
});

describe("fieldErrorsOf", () => {
  it("puts violations on the fields they name and keeps the rest unplaced", () => {
    const out = fieldErrorsOf(
      {
        code: "INVALID_ARGUMENT",
        message: "bad",
        requestId: "r",
        fieldViolations: [
          { field: "title", description: "title is required" },
          { field: "title", description: "second" },
          { field: "other", description: "nope" },
        ],
      },
      (p) => (p === "title" ? "title" : undefined),
    );
    expect(out).toEqual({ fields: { title: "Title is required" }, unplaced: ["other: nope"] });
  });
});
