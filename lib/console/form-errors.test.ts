import type { FieldValues, ResolverOptions, UseFormReturn } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { OrganizationCreateInput } from "../schemas/organizations";
import { UserCreateInput } from "../schemas/users";
import { z } from "zod";
import { applyServerErrors, bodyResolver, labelMessage, schemaResolver } from "./form-errors";

const options = { shouldUseNativeValidation: false, fields: {} } as ResolverOptions<FieldValues>;

function fakeForm(values: Record<string, unknown>) {
  const set: Array<{ field: string; message: string; focus: boolean }> = [];
  const form = {
    getValues: () => values,
    setError: (field: string, error: { message: string }, opts?: { shouldFocus?: boolean }) => set.push({ field, message: error.message, focus: Boolean(opts?.shouldFocus) }),
  } as unknown as UseFormReturn<FieldValues>;
  return { form, set };
}

describe("labelMessage", () => {
  it("names the field as the form labels it, and capitalizes", () => {
    expect(labelMessage("title is required", "title", { title: "Organization name" })).toBe("Organization name is required");
    expect(labelMessage("email is not a valid address", "email")).toBe("Email is not a valid address");
    expect(labelMessage("roles needs at least one role", "roles", { title: "Name" })).toBe("Roles needs at least one role");
  });
});

describe("schemaResolver", () => {
  // Regression (issue 14): the organization name error said "Title is required", the API's name for it.
  it("checks with the shared schema and words its messages with the form's labels", async () => {
    const resolve = schemaResolver(OrganizationCreateInput.pick({ title: true }), { title: "Organization name" });
    const out = await resolve({ title: "   " }, undefined, options);
    expect(out.errors.title?.message).toBe("Organization name is required");
    const ok = await resolve({ title: " Acme " }, undefined, options);
    expect(ok.errors).toEqual({});
    // Raw values: the form keeps what was typed; the server trims.
    expect(ok.values).toEqual({ title: " Acme " });
  });

  it("reports every failing field of a sign-up", async () => {
    const resolve = schemaResolver(UserCreateInput, { display_name: "Name" });
    const out = await resolve({ display_name: "", email: "nope", password: "short" }, undefined, options);
    expect(out.errors.display_name?.message).toBe("Name is required");
    expect(out.errors.email?.message).toBe("Email is not a valid address");
    expect(out.errors.password?.message).toBe("Password must be at least 8 characters");
  });
});

describe("applyServerErrors", () => {
  const failure = (code: string, fieldViolations: Array<{ field: string; description: string }>, message = "refused") => ({ code, message, requestId: "req_1", fieldViolations });

  it("puts INVALID_ARGUMENT violations under their fields, focusing the first, and shows nothing above", () => {
    const { form, set } = fakeForm({ display_name: "", email: "" });
    const rest = applyServerErrors(
      form,
      failure("INVALID_ARGUMENT", [
        { field: "display_name", description: "display_name must not contain the control character U+0007 (at position 3)" },
        { field: "email", description: "email is not a valid address" },
        { field: "email", description: "a second one" },
      ]),
      { labels: { display_name: "Name" } },
    );
    expect(rest).toBeNull();
    expect(set).toEqual([
      { field: "display_name", message: "Name must not contain the control character U+0007 (at position 3)", focus: true },
      { field: "email", message: "Email is not a valid address", focus: false },
    ]);
  });

  it("maps nested API paths through fieldOf and keeps the failure when a violation has no field", () => {
    const { form, set } = fakeForm({ workspaceIds: [] });
    const f = failure("INVALID_ARGUMENT", [
      { field: "workspace_ids[0]", description: "workspace_ids[] must be an id of the form ws_…" },
      { field: "unknown", description: "unknown is not allowed" },
    ]);
    const rest = applyServerErrors(form, f, { fieldOf: (p) => (p.startsWith("workspace_ids") ? "workspaceIds" : undefined) });
    expect(rest).toBe(f);
    expect(set.map((s) => s.field)).toEqual(["workspaceIds"]);
  });

  it("puts the message of a refusal that is about one field on that field", () => {
    const { form, set } = fakeForm({ email: "" });
    const rest = applyServerErrors(form, failure("FAILED_PRECONDITION", [], "No account uses x@y.example."), { byCode: { FAILED_PRECONDITION: "email" } });
    expect(rest).toBeNull();
    expect(set).toEqual([{ field: "email", message: "No account uses x@y.example.", focus: true }]);
  });

  it("shows a refusal without violations above the form", () => {
    const { form, set } = fakeForm({ email: "" });
    const f = failure("PERMISSION_DENIED", []);
    expect(applyServerErrors(form, f)).toBe(f);
    expect(set).toEqual([]);
  });
});

describe("bodyResolver", () => {
  interface Values {
    name: string;
    extra: string;
    secret: string;
  }
  const Body = z.strictObject({
    name: z.string().min(1, { message: "name is required" }),
    configuration: z.object({ client_secret: z.string().min(1, { message: "client_secret is required" }) }),
  });
  const fieldOf = (path: string): keyof Values | undefined =>
    path === "name" ? "name" : path === "configuration.client_secret" ? "secret" : path.startsWith("configuration") ? "extra" : undefined;
  const resolver = bodyResolver<Values>(Body, {
    toBody: (v) => ({ name: v.name, configuration: { client_secret: v.secret } }),
    fieldOf,
    check: (v) => ({ extra: v.extra === "{" ? "Extra fields are not valid JSON" : undefined }),
    labels: { client_secret: "Client secret" },
  });
  const opts = options as unknown as ResolverOptions<Values>;

  it("places each issue of the body on the form field its API path maps to, worded with the form's label", async () => {
    const out = await resolver({ name: "", extra: "", secret: "" }, undefined, opts);
    expect(out.errors).toMatchObject({ name: { message: "Name is required" }, secret: { message: "Client secret is required" } });
  });

  it("says the form's own checks first, beside the schema's, and passes valid values through as typed", async () => {
    const bad = await resolver({ name: "x", extra: "{", secret: "" }, undefined, opts);
    expect(Object.keys(bad.errors).sort()).toEqual(["extra", "secret"]);
    expect(bad.errors.extra?.message).toBe("Extra fields are not valid JSON");
    const good = await resolver({ name: " x ", extra: "", secret: "s" }, undefined, opts);
    expect(good).toEqual({ values: { name: " x ", extra: "", secret: "s" }, errors: {} });
  });
});

describe("schemaResolver with a loader", () => {
  // Issue 13: the forms' schemas (and zod) were in every form page's first load; a form now hands
  // over a loader, called on the first validation only.
  it("loads the schema on the first validation, once, and checks with it as before", async () => {
    let loads = 0;
    const resolve = schemaResolver(
      async () => {
        loads += 1;
        return OrganizationCreateInput.pick({ title: true });
      },
      { title: "Organization name" },
    );
    expect(loads).toBe(0);
    expect((await resolve({ title: "" }, undefined, options)).errors.title?.message).toBe("Organization name is required");
    expect((await resolve({ title: "Acme" }, undefined, options)).errors).toEqual({});
    expect(loads).toBe(1);
  });

  it("lets the values through while the schema cannot be loaded, and tries again on the next validation", async () => {
    let fail = true;
    const resolve = schemaResolver(async () => {
      if (fail) throw new Error("chunk load failed");
      return OrganizationCreateInput.pick({ title: true });
    });
    // The server parses the same values with the same schema, so nothing unchecked is stored.
    expect(await resolve({ title: "" }, undefined, options)).toEqual({ values: { title: "" }, errors: {} });
    fail = false;
    expect((await resolve({ title: "" }, undefined, options)).errors.title?.message).toBe("Title is required");
  });

  it("loads a body schema on the first validation too", async () => {
    const resolve = bodyResolver<{ name: string }>(async () => z.object({ title: z.string().min(1, { message: "title is required" }) }), {
      toBody: (v) => ({ title: v.name }),
      fieldOf: (p) => (p === "title" ? "name" : undefined),
    });
    expect((await resolve({ name: "" }, undefined, options as unknown as ResolverOptions<{ name: string }>)).errors.name?.message).toBe("Title is required");
  });
});
