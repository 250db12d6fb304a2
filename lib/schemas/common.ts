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
