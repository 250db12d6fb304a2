// Building blocks shared by the resource schemas. Client-safe: no server imports.

import { z } from "zod";
import { text } from "./text";

/** Length in user-perceived characters (code points), not UTF-16 units. */
export const charLength = (s: string) => [...s].length;

export function trimmedText(field: string, min: number, max: number) {
  return text(field)
    .transform((s) => s.trim())
    .refine((s) => charLength(s) >= min, { message: min === 1 ? `${field} is required` : `${field} must be at least ${min} characters` })
    .refine((s) => charLength(s) <= max, { message: `${field} must be at most ${max} characters` });
}

/** Output-only fields a client may send back unchanged: accepted, never written. */
export function ignoredOutputFields<K extends string>(keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, z.unknown().optional()])) as Record<K, z.ZodOptional<z.ZodUnknown>>;
}

export function stripKeys<T extends object>(value: T, keys: readonly string[]): T {
  const out = { ...value } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as T;
}

export const timestamp = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const emailSchema = text("email")
  .trim()
  .max(254, { message: "email must be at most 254 characters" })
  .email({ message: "email is not a valid address" })
  .transform((s) => normalizeEmail(s));

/** Emails are compared trimmed and lower-cased (domain and local part: we treat addresses case-insensitively). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const queryText = (description: string) => z.string().optional().meta({ description });

/** AIP-158/132/160 list parameters, as the query string carries them (parsed by lib/api/list). */
export const ListQuery = z.object({
  page_size: queryText("Results per page: default 50, at most 1000 (larger values are coerced)."),
  page_token: queryText("The next_page_token of the previous page; bound to this list's parent, filter and order."),
  filter: queryText('AIP-160 filter, e.g. title : "prod" AND state = "ACTIVE".'),
  order_by: queryText("AIP-132 order, e.g. `title` or `create_time desc`; ties are broken by id."),
});
export type ListQuery = z.output<typeof ListQuery>;

/** A boolean query parameter: absent, `false` or `0` is false; `true` or `1` is true. */
export const queryBoolean = (description: string) =>
  z
    .string()
    .optional()
    .refine((s) => s === undefined || ["", "true", "false", "1", "0"].includes(s), { message: "must be true or false" })
    .transform((s) => s === "true" || s === "1")
    .meta({ description });

/** PATCH's AIP-134 mask as the query string carries it (resolved at the edge). */
export const UpdateMaskQuery = z.object({
  update_mask: queryText("Comma-separated field paths to change; without it, the fields present in the body."),
  etag: queryText("AIP-154 precondition: the etag the change is based on (also accepted in the body or If-Match)."),
});

/** DELETE's precondition in the query string (a DELETE has no body by custom). */
export const EtagQuery = z.object({
  etag: queryText("AIP-154 precondition: the etag the change is based on (also accepted in the body or If-Match)."),
});
