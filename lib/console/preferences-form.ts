// The preference form's values and the request built from them. The form holds strings ("" =
// inherit, as the selects and the zone input do); its resolver (preferences-form-schema.ts, loaded
// on the form's first check) holds each one to the shared request schema's rule for that field.
// Pure and client-safe, and free of zod so the page does not load it up front.

import type { GeneralPreferencesOutput } from "../schemas/preferences";
import { GENERAL_FIELDS, type GeneralField } from "../schemas/values";

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
