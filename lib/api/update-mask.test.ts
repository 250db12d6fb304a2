import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { resolveUpdateMask, valueAt } from "./update-mask";

const spec = {
  updatable: ["title", "description", "configuration.domain", "general.time_zone", "general.decimal_places"],
  outputOnly: ["name", "create_time", "etag"],
};

function err(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected an error");
}

describe("resolveUpdateMask", () => {
  it("uses the populated body fields when there is no mask", () => {
    expect([...resolveUpdateMask(undefined, { title: "a", configuration: { domain: "x.io" } }, spec)]).toEqual([
      "title",
      "configuration.domain",
    ]);
  });

  it("ignores output-only fields in a body", () => {
    expect([...resolveUpdateMask("", { title: "a", etag: 'W/"1"', name: "x" }, spec)]).toEqual(["title"]);
  });

  it("takes exactly the mask's paths, expanding parents", () => {
    expect([...resolveUpdateMask("description,general", { title: "ignored" }, spec)]).toEqual([
      "description",
      "general.time_zone",
      "general.decimal_places",
    ]);
    expect(resolveUpdateMask("*", {}, spec).size).toBe(spec.updatable.length);
  });

  it("rejects unknown and output-only mask paths", () => {
    const unknown = err(() => resolveUpdateMask("title,owner", {}, spec));
    expect(unknown.code).toBe("INVALID_ARGUMENT");
    expect(unknown.options.fieldViolations?.[0].field).toBe("update_mask");
    expect(unknown.message).toMatch(/unknown field 'owner'/);
    expect(err(() => resolveUpdateMask("create_time", {}, spec)).message).toMatch(/output only/);
  });

  it("rejects body fields that cannot be updated", () => {
    const e = err(() => resolveUpdateMask(undefined, { data_policy: {} }, spec));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.options.fieldViolations?.[0].field).toBe("data_policy");
  });
});

describe("valueAt", () => {
  it("reads dotted paths", () => {
    expect(valueAt({ general: { time_zone: "UTC" } }, "general.time_zone")).toBe("UTC");
    expect(valueAt({ general: null }, "general.time_zone")).toBeUndefined();
  });
});
