// Preference inheritance (API.md §6), as pure functions over stored rows: a workspace field left
// unset (NULL) takes the organization's, an organization field left unset takes the product
// default. Nothing is copied down: the effective value is resolved each time it is read, so an
// organization default changes every inheriting workspace in the one statement that stores it.

import {
  GENERAL_FIELDS,
  type DateFormat,
  type DecimalSymbol,
  type EffectiveGeneralOutput,
  type GeneralField,
  type GeneralPreferencesInput,
  type GeneralPreferencesOutput,
  type MeasurementSystem,
  type PreferenceSource,
  type TimeFormat,
} from "../../schemas/preferences";

/** The general columns of workspace_preferences / organization_preferences (NULL: unset). */
export interface StoredGeneral {
  timeZone: string | null;
  timeFormat: string | null;
  dateFormat: string | null;
  decimalSymbol: string | null;
  decimalPlaces: number | null;
  measurementSystem: string | null;
}

export const COLUMN_OF: Record<GeneralField, keyof StoredGeneral> = {
  time_zone: "timeZone",
  time_format: "timeFormat",
  date_format: "dateFormat",
  decimal_symbol: "decimalSymbol",
  decimal_places: "decimalPlaces",
  measurement_system: "measurementSystem",
};

export const PRODUCT_DEFAULTS = {
  time_zone: "UTC",
  time_format: "TIME_FORMAT_24_HOUR",
  date_format: "DATE_FORMAT_YYYY_MM_DD_DASH",
  decimal_symbol: "DECIMAL_SYMBOL_PERIOD",
  decimal_places: 2,
  measurement_system: "MEASUREMENT_SYSTEM_METRIC",
} as const satisfies Omit<EffectiveGeneralOutput, "sources">;

export const UNSET_GENERAL: StoredGeneral = {
  timeZone: null,
  timeFormat: null,
  dateFormat: null,
  decimalSymbol: null,
  decimalPlaces: null,
  measurementSystem: null,
};

/** What a request value stores: UNSPECIFIED, "" and null all mean "unset, inherit". */
export function storedValue(field: GeneralField, value: GeneralPreferencesInput[GeneralField] | undefined): string | number | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" && value.endsWith("_UNSPECIFIED")) return null;
  if (field === "decimal_places") return value as number;
  return value as string;
}

/** The stored fields in v1GeneralPreferences shape: unset is "" / *_UNSPECIFIED / absent. */
export function toGeneralOutput(row: StoredGeneral): GeneralPreferencesOutput {
  return {
    time_zone: row.timeZone ?? "",
    time_format: (row.timeFormat ?? "TIME_FORMAT_UNSPECIFIED") as TimeFormat,
    date_format: (row.dateFormat ?? "DATE_FORMAT_UNSPECIFIED") as DateFormat,
    decimal_symbol: (row.decimalSymbol ?? "DECIMAL_SYMBOL_UNSPECIFIED") as DecimalSymbol,
    ...(row.decimalPlaces == null ? {} : { decimal_places: row.decimalPlaces }),
    measurement_system: (row.measurementSystem ?? "MEASUREMENT_SYSTEM_UNSPECIFIED") as MeasurementSystem,
  };
}

/**
 * Resolves every field: the workspace's value if set, else the organization's, else the default.
 * For the organization's own effective values pass `workspace = null`.
 */
export function resolveGeneral(workspace: StoredGeneral | null, organization: StoredGeneral | null): EffectiveGeneralOutput {
  const values: Record<string, unknown> = {};
  const sources = {} as Record<GeneralField, PreferenceSource>;
  for (const field of GENERAL_FIELDS) {
    const column = COLUMN_OF[field];
    const own = workspace?.[column] ?? null;
    const inherited = organization?.[column] ?? null;
    if (own !== null) {
      values[field] = own;
      sources[field] = "WORKSPACE";
    } else if (inherited !== null) {
      values[field] = inherited;
      sources[field] = "ORGANIZATION";
    } else {
      values[field] = PRODUCT_DEFAULTS[field];
      sources[field] = "DEFAULT";
    }
  }
  return { ...(values as Omit<EffectiveGeneralOutput, "sources">), sources };
}

/** For the organization's effective values, ORGANIZATION (its own setting) or DEFAULT. */
export function resolveOrganizationGeneral(organization: StoredGeneral | null): EffectiveGeneralOutput {
  return resolveGeneral(null, organization);
}

/**
 * Support access as the product honours it: granted, and not past its expiry. An expired grant
 * reads as ended at once, whether or not the job that records its end has run yet.
 */
export function supportAccessActive(granted: boolean, expireTime: Date | null, now: Date): boolean {
  return granted && (expireTime === null || expireTime.getTime() > now.getTime());
}
