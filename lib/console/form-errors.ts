// react-hook-form over the shared zod schemas (lib/schemas): the browser checks a form with the
// very schema the server parses with, and the server's INVALID_ARGUMENT field violations land on
// the fields they name. The schemas' messages name the API's fields ("title is required"); a
// form labels them as the user sees them ("Organization name is required"), in both cases.
//
// A form hands its resolver a loader (`() => import("@/lib/schemas/users").then((m) => m.SignInInput)`)
// rather than the schema: zod and the schema modules (~45 kB gzip) are then fetched on the form's
// first validation instead of with the page (issue 13), and this module imports nothing of zod.

import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldErrors, FieldPath, FieldValues, Resolver, UseFormReturn } from "react-hook-form";
import type { ZodType } from "zod";
import { relabel, type ActionFailure } from "./action-result";

/** A shared schema, or a loader of it (the form's page then loads zod only when it first validates). */
export type SchemaSource = ZodType | (() => Promise<ZodType>);

/**
 * `make(schema)` once the schema (and whatever `make` needs) has loaded; the load starts on the
 * first call. A failed load (a network blip) is tried again on the next call, and meanwhile the
 * form's values pass unchecked: the server parses them with the same schema and its field
 * violations still land on the fields (applyServerErrors).
 */
function lazily<T extends FieldValues, V>(source: SchemaSource, make: (schema: ZodType) => Promise<V> | V): (run: (v: V) => ReturnType<Resolver<T>>, values: T) => ReturnType<Resolver<T>> {
  let ready: Promise<V> | undefined;
  return async (run, values) => {
    ready ??= Promise.resolve(typeof source === "function" ? source() : source).then(make);
    let loaded: V;
    try {
      loaded = await ready;
    } catch {
      ready = undefined;
      return { values, errors: {} };
    }
    return run(loaded);
  };
}

/** The words a form shows for an API field, by the field's name: `{ title: "Organization name" }`. */
export type FieldLabels = Readonly<Record<string, string>>;

/** A schema message for `field` with the API's name for it replaced by the form's label. */
export function labelMessage(message: string, field: string, labels: FieldLabels = {}): string {
  return relabel(message, field, labels[field] ?? field);
}

function relabelErrors(errors: FieldErrors, labels: FieldLabels, top?: string): void {
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object") continue;
    const field = top ?? key;
    const error = node as FieldError;
    if (typeof error.message === "string") error.message = labelMessage(error.message, field, labels);
    if (error.type === undefined || typeof error.message !== "string") relabelErrors(node as FieldErrors, labels, field);
  }
}

/**
 * A resolver that validates with `schema` on the raw values (the form keeps what was typed; the
 * server trims and normalises on its own) and words its messages with `labels`.
 */
export function schemaResolver<T extends FieldValues>(schema: SchemaSource, labels: FieldLabels = {}): Resolver<T> {
  const resolve = schemaMessagesResolver<T>(schema);
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    relabelErrors(result.errors as FieldErrors, labels);
    return result;
  };
}

/** As schemaResolver, with the schema's messages as they are (forms whose fields carry the API's names). */
export function schemaMessagesResolver<T extends FieldValues>(schema: SchemaSource): Resolver<T> {
  const withResolver = lazily<T, Resolver<T>>(schema, async (loaded) => {
    const { zodResolver } = await import("@hookform/resolvers/zod");
    return zodResolver(loaded as never, undefined, { raw: true }) as unknown as Resolver<T>;
  });
  return (values, context, options) => withResolver((resolve) => resolve(values, context, options), values);
}

/**
 * The field a violation's message names: the path's last named segment, as the schemas word their
 * messages ("configuration.client_id" → "client_id is required", "workspace_ids[0]" → "workspace_ids").
 */
function namedField(path: string): string {
  return path.split(/[.[\]]/).filter((part) => part && !/^\d+$/.test(part)).at(-1) ?? path;
}

export interface ServerErrorPlacement<T extends FieldValues> {
  /** The form's words for the API's fields, as given to schemaResolver. */
  labels?: FieldLabels;
  /** The form field that shows a violation of an API path; by default the path's first segment, if the form has that field. */
  fieldOf?: (apiPath: string) => FieldPath<T> | undefined;
  /** Refusals that are about one field whatever their violations say (e.g. ALREADY_EXISTS → "email"): the server's message goes there. */
  byCode?: Readonly<Partial<Record<string, FieldPath<T>>>>;
}

/**
 * Puts a refusal's field violations on the fields they name (focusing the first), and answers
 * the failure still to show above the form: null when every violation found its field.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, failure: ActionFailure, placement: ServerErrorPlacement<T> = {}): ActionFailure | null {
  const { labels = {}, byCode = {} } = placement;
  const fieldOf =
    placement.fieldOf ??
    ((path: string) => {
      const top = path.split(/[.[]/)[0];
      return top in (form.getValues() as object) ? (top as FieldPath<T>) : undefined;
    });
  const placed = new Map<FieldPath<T>, string>();
  const codeField = byCode[failure.code];
  if (codeField) placed.set(codeField, failure.message);
  let unplaced = false;
  for (const v of failure.fieldViolations) {
    const field = fieldOf(v.field);
    if (!field) {
      unplaced = true;
      continue;
    }
    if (placed.has(field)) continue;
    // Only INVALID_ARGUMENT describes the value; for other codes the message is the clearer text.
    placed.set(field, failure.code === "INVALID_ARGUMENT" ? labelMessage(v.description, namedField(v.field), labels) : failure.message);
  }
  [...placed].forEach(([field, message], i) => form.setError(field, { type: "server", message }, { shouldFocus: i === 0 }));
  return placed.size > 0 && !unplaced ? null : failure;
}

export interface BodyResolverOptions<T extends FieldValues> {
  /** The request body the form's values make (the form keeps the values as typed). */
  toBody: (values: T) => unknown;
  /** The form field that shows an issue of an API path, or undefined when none does. */
  fieldOf: (apiPath: string) => FieldPath<T> | undefined;
  /**
   * The form's own checks, said first: text that must be read before it is part of the body (a
   * JSON field), or a gap the form words better than the schema ("Choose the person to add.").
   */
  check?: (values: T) => Partial<Record<FieldPath<T>, string | undefined>>;
  labels?: FieldLabels;
}

/**
 * A resolver for a form whose values are not the request body as they stand (fields nested in the
 * body under other names, a JSON text field): `toBody` builds the body, the schema parses it as the
 * server will, and each issue goes to the field `fieldOf` names for its path — the same mapping
 * applyServerErrors is given for the server's violations.
 */
export function bodyResolver<T extends FieldValues>(schema: SchemaSource, { toBody, fieldOf, check, labels = {} }: BodyResolverOptions<T>): Resolver<T> {
  const withSchema = lazily<T, ZodType>(schema, (loaded) => loaded);
  return (values, _context, options) => withSchema((loaded) => checkBody(loaded, values, options), values);

  async function checkBody(loaded: ZodType, values: T, options: Parameters<Resolver<T>>[2]): Promise<Awaited<ReturnType<Resolver<T>>>> {
    const messages = new Map<FieldPath<T>, string>();
    for (const [field, message] of Object.entries(check?.(values) ?? {})) if (message) messages.set(field as FieldPath<T>, message as string);
    const parsed = await loaded.safeParseAsync(toBody(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        const field = fieldOf(path);
        if (field && !messages.has(field)) messages.set(field, labelMessage(issue.message, namedField(path), labels));
      }
    }
    if (messages.size === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [field, message] of messages) flat[field] = { type: "validate", message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<T> };
  }
}
