// The preference form's values and the request built from them. The form holds strings ("" =
// inherit, as the selects and the zone input do); its resolver checks each one with the shared
// request schema's rule for that field (GeneralPreferencesInput, "" read as null), so the browser
// refuses exactly what the API refuses, with the same messages. Pure and client-safe.

import { z } from "zod";
import { GENERAL_FIELDS, GeneralPreferencesInput, type GeneralField, type GeneralPreferencesOutput } from "../schemas/preferences";

export const PREFERENCE_LABELS: Record<GeneralField, string> = {
  time_zone: "Time zone",
  time_format: "Time format",
  date_format: "Date format",
  decimal_symbol: "Decimal symbol",
  decimal_places: "Decimal places",
  measurement_system: "Measurement system",
};

export type GeneralDraft = Record<GeneralField, string>;

export interface SupportDraft {
  grant: boolean;
  /** "keep" (the current expiry), "none" (no end) or a number of days from now. */
  duration: string;
}

export interface PreferencesFormValues {
  general: GeneralDraft;
  support: SupportDraft;
}

const shape = GeneralPreferencesInput.shape;
const blankToNull = (v: string) => (v === "" ? null : v);

/** A form string checked by the API's schema for its field (after "" → null), with the API's message. */
const checkedBy = (schema: z.ZodType, toInput: (v: string) => unknown = blankToNull) =>
  z.string().superRefine((v, ctx) => {
    const result = schema.safeParse(toInput(v));
    if (!result.success) ctx.addIssue({ code: "custom", message: result.error.issues[0]?.message ?? "Invalid value" });
  });

export const PreferencesFormSchema = z.object({
  general: z.object({
    time_zone: checkedBy(shape.time_zone, (v) => v),
    time_format: checkedBy(shape.time_format),
    date_format: checkedBy(shape.date_format),
    decimal_symbol: checkedBy(shape.decimal_symbol),
    decimal_places: checkedBy(shape.decimal_places, (v) => (v === "" ? null : Number(v))),
    measurement_system: checkedBy(shape.measurement_system),
  }),
  support: z.object({ grant: z.boolean(), duration: z.string() }),
});

/** The stored values as the form shows them: unset (UNSPECIFIED, absent) is "". */
export function generalDraftOf(g: GeneralPreferencesOutput): GeneralDraft {
  const unset = (v: string) => (v.endsWith("_UNSPECIFIED") ? "" : v);
  return {
    time_zone: g.time_zone,
    time_format: unset(g.time_format),
    date_format: unset(g.date_format),
    decimal_symbol: unset(g.decimal_symbol),
    decimal_places: g.decimal_places == null ? "" : String(g.decimal_places),
    measurement_system: unset(g.measurement_system),
  };
}

export function supportDraftOf(support: { active: boolean; expireTime?: string } | undefined): SupportDraft {
  return { grant: support?.active ?? false, duration: support?.expireTime ? "keep" : "none" };
}

export function changedGeneralFields(base: GeneralDraft, values: GeneralDraft): GeneralField[] {
  return GENERAL_FIELDS.filter((f) => values[f] !== base[f]);
}

export function supportChanged(base: SupportDraft, values: SupportDraft): boolean {
  if (values.grant !== base.grant) return true;
  return values.grant && values.duration !== base.duration;
}

/** Support access is granted for at most 30 days: a minute short, so a slow request still lands within it. */
export function supportExpiry(duration: string, now: Date): string | null {
  return duration === "none" ? null : new Date(now.getTime() + Number(duration) * 86_400_000 - 60_000).toISOString();
}

/**
 * The update body (with `etag`) and update_mask for the fields the user changed: an inherited
 * field is sent as null. Support access is sent only when it changed (and the expiry only when
 * a new one was chosen).
 */
export function preferencesUpdate(
  values: PreferencesFormValues,
  changed: { general: GeneralField[]; support: boolean },
  etag: string,
  now: Date,
): { input: Record<string, unknown>; mask: string } {
  const input: Record<string, unknown> = { etag };
  const mask: string[] = [];
  if (changed.general.length) {
    const general: Record<string, unknown> = {};
    for (const f of changed.general) {
      const v = values.general[f];
      general[f] = v === "" ? null : f === "decimal_places" ? Number(v) : v;
      mask.push(`general.${f}`);
    }
    input.general = general;
  }
  if (changed.support) {
    input.support_team_access = values.support.grant;
    mask.push("support_team_access");
    if (values.support.grant && values.support.duration !== "keep") {
      input.support_access_expire_time = supportExpiry(values.support.duration, now);
      mask.push("support_access_expire_time");
    }
  }
  return { input, mask: mask.join(",") };
}

/** A server violation's field (`general.time_zone`) is the form's field of the same path. */
export function preferencesFieldOf(path: string): string | undefined {
  const field = path.startsWith("general.") ? path.slice("general.".length) : "";
  return (GENERAL_FIELDS as readonly string[]).includes(field) ? path : undefined;
}

/** Zones whose name contains every word of `query` (case and `_` ignored), in IANA order. */
export function filterTimeZones(zones: readonly string[], query: string): string[] {
  const words = query.trim().toLowerCase().replaceAll("_", " ").split(/[\s/]+/).filter(Boolean);
  if (words.length === 0) return [...zones];
  return zones.filter((z) => {
    const name = z.toLowerCase().replaceAll("_", " ");
    return words.every((w) => name.includes(w));
  });
}
