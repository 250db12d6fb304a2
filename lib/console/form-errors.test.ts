import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ResolverOptions } from "react-hook-form";
import { apiResolver, applyServerErrors, sameNames } from "./form-errors";

interface Values {
  name: string;
  extra: string;
  secret: string;
}

const Body = z.strictObject({ name: z.string().min(1, { message: "name is required" }), configuration: z.object({ secret: z.string().min(1, { message: "secret is required" }) }) });
const fieldOf = (path: string) => (path === "name" ? "name" : path.startsWith("configuration.secret") ? "secret" : path.startsWith("configuration") ? "extra" : undefined) as keyof Values | undefined;
const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<Values>;

describe("apiResolver", () => {
  const resolver = apiResolver<Values>(Body, (v) => ({ name: v.name, configuration: { secret: v.secret } }), fieldOf, (v) =>
    v.extra === "{" ? { extra: "Extra fields are not valid JSON" } : {},
  );

  it("places each schema issue on the form field its API path maps to, with the server's wording", async () => {
    const out = await resolver({ name: "", extra: "", secret: "" }, undefined, options);
    expect(out.errors).toMatchObject({ name: { message: "Name is required" }, secret: { message: "Secret is required" } });
  });

  it("adds the form's own checks beside the schema's, and passes valid values through as typed", async () => {
    const bad = await resolver({ name: "x", extra: "{", secret: "" }, undefined, options);
    expect(Object.keys(bad.errors).sort()).toEqual(["extra", "secret"]);
    const good = await resolver({ name: " x ", extra: "", secret: "s" }, undefined, options);
    expect(good).toEqual({ values: { name: " x ", extra: "", secret: "s" }, errors: {} });
  });
});

describe("applyServerErrors", () => {
  const failure = (code: string, violations: Array<{ field: string; description: string }>) => ({ code, message: "Refused.", requestId: "req_1", fieldViolations: violations });

  it("sets each violation on its field, focusing the first, and shows nothing above the form when all were placed", () => {
    const calls: Array<[string, string | undefined, boolean | undefined]> = [];
    const form = { setError: (name: string, e: { message?: string }, o?: { shouldFocus?: boolean }) => calls.push([name, e.message, o?.shouldFocus]) };
    const rest = applyServerErrors<Values>(form, failure("INVALID_ARGUMENT", [{ field: "configuration.secret", description: "secret is required" }, { field: "name", description: "name is taken" }]), fieldOf);
    expect(rest).toBeNull();
    expect(calls).toEqual([
      ["secret", "Secret is required", true],
      ["name", "Name is taken", false],
    ]);
  });

  it("keeps the failure above the form when a violation names no field", () => {
    const f = failure("INVALID_ARGUMENT", [{ field: "name", description: "bad" }, { field: "etag", description: "stale" }]);
    expect(applyServerErrors<Values>({ setError: () => {} }, f, fieldOf)).toBe(f);
  });
});

describe("sameNames", () => {
  it("maps an API path to the form field of the same name, including its nested paths", () => {
    const of = sameNames<{ title: string; roles: string[] }>("title", "roles");
    expect([of("title"), of("roles.2"), of("roles[2]"), of("titles"), of("etag")]).toEqual(["title", "roles", "roles", undefined, undefined]);
  });
});
