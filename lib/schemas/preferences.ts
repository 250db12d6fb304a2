// Preference schemas (API.md §6): Kognitos v1WorkspacePreferences / v1GeneralPreferences, the
// organization's defaults in the same shape, and the resolved `effective_general`.
// Client-safe: the console's forms use the same enums and the same time-zone rule.

import { z } from "zod";
import { ignoredOutputFields } from "./common";
import { DATE_FORMATS, DECIMAL_SYMBOLS, GENERAL_FIELDS, MAX_DECIMAL_PLACES, MEASUREMENT_SYSTEMS, PREFERENCE_SOURCES, TIME_FORMATS, isTimeZone, type GeneralField } from "./values";

export {
  DATE_FORMATS,
  DECIMAL_SYMBOLS,
  GENERAL_FIELDS,
  MAX_DECIMAL_PLACES,
  MAX_SUPPORT_ACCESS_DAYS,
  MEASUREMENT_SYSTEMS,
  PREFERENCE_SOURCES,
  TIME_FORMATS,
  isTimeZone,
  timeZoneNames,
  type DateFormat,
  type DecimalSymbol,
  type GeneralField,
  type MeasurementSystem,
  type PreferenceSource,
  type TimeFormat,
} from "./values";

const enumField = <T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });

/** A general preference in a request; UNSPECIFIED, "" or null mean "inherit". */
export const GeneralPreferencesInput = z.strictObject({
  time_zone: z
    .string({ error: "time_zone must be a string" })
    .refine((s) => s === "" || isTimeZone(s), { message: "time_zone must be an IANA time zone name such as Europe/Zurich, or UTC" })
    .nullable()
    .optional(),
  time_format: enumField("time_format", TIME_FORMATS).nullable().optional(),
  date_format: enumField("date_format", DATE_FORMATS).nullable().optional(),
  decimal_symbol: enumField("decimal_symbol", DECIMAL_SYMBOLS).nullable().optional(),
  decimal_places: z
    .number({ error: "decimal_places must be an integer from 0 to 10" })
    .int({ message: "decimal_places must be an integer from 0 to 10" })
    .min(0, { message: "decimal_places must be an integer from 0 to 10" })
    .max(MAX_DECIMAL_PLACES, { message: "decimal_places must be an integer from 0 to 10" })
    .nullable()
    .optional(),
  measurement_system: enumField("measurement_system", MEASUREMENT_SYSTEMS).nullable().optional(),
});
export type GeneralPreferencesInput = z.output<typeof GeneralPreferencesInput>;

const rfc3339 = z
  .string({ error: "support_access_expire_time must be an RFC 3339 timestamp" })
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: "support_access_expire_time must be an RFC 3339 timestamp such as 2026-12-24T18:00:00Z",
  });

export const PREFERENCES_OUTPUT_ONLY = ["name", "effective_general", "update_time"] as const;

export const WorkspacePreferencesUpdateInput = z.strictObject({
  support_team_access: z.boolean({ error: "support_team_access must be true or false" }).optional(),
  support_access_expire_time: rfc3339.nullable().optional(),
  general: GeneralPreferencesInput.optional(),
  etag: z.string({ error: "etag must be a string" }).optional(),
  ...ignoredOutputFields(PREFERENCES_OUTPUT_ONLY),
});
export type WorkspacePreferencesUpdateInput = z.output<typeof WorkspacePreferencesUpdateInput>;

export const OrganizationPreferencesUpdateInput = z.strictObject({
  general: GeneralPreferencesInput.optional(),
  members_can_create_workspaces: z.boolean({ error: "members_can_create_workspaces must be true or false" }).optional(),
  etag: z.string({ error: "etag must be a string" }).optional(),
  ...ignoredOutputFields(PREFERENCES_OUTPUT_ONLY),
});
export type OrganizationPreferencesUpdateInput = z.output<typeof OrganizationPreferencesUpdateInput>;

const GENERAL_PATHS = GENERAL_FIELDS.map((f) => `general.${f}`);

// `etag` travels in the body as the AIP-154 precondition: never a path to change.
export const WORKSPACE_PREFERENCES_MASK = {
  updatable: ["support_team_access", "support_access_expire_time", ...GENERAL_PATHS],
  outputOnly: [...PREFERENCES_OUTPUT_ONLY, "etag"],
};

export const ORGANIZATION_PREFERENCES_MASK = {
  updatable: ["members_can_create_workspaces", ...GENERAL_PATHS],
  outputOnly: [...PREFERENCES_OUTPUT_ONLY, "etag"],
};

/** v1GeneralPreferences as stored: unset fields are "" / *_UNSPECIFIED, unset decimal_places absent. */
export const GeneralPreferencesOutput = z.object({
  time_zone: z.string(),
  time_format: z.enum(TIME_FORMATS),
  date_format: z.enum(DATE_FORMATS),
  decimal_symbol: z.enum(DECIMAL_SYMBOLS),
  decimal_places: z.number().int().optional(),
  measurement_system: z.enum(MEASUREMENT_SYSTEMS),
});
export type GeneralPreferencesOutput = z.infer<typeof GeneralPreferencesOutput>;

/** Every field resolved, and where each value comes from. */
export const EffectiveGeneralOutput = z.object({
  time_zone: z.string(),
  time_format: z.enum(TIME_FORMATS),
  date_format: z.enum(DATE_FORMATS),
  decimal_symbol: z.enum(DECIMAL_SYMBOLS),
  decimal_places: z.number().int(),
  measurement_system: z.enum(MEASUREMENT_SYSTEMS),
  sources: z.object(Object.fromEntries(GENERAL_FIELDS.map((f) => [f, z.enum(PREFERENCE_SOURCES)])) as Record<GeneralField, z.ZodEnum<{ WORKSPACE: "WORKSPACE"; ORGANIZATION: "ORGANIZATION"; DEFAULT: "DEFAULT" }>>),
});
export type EffectiveGeneralOutput = z.infer<typeof EffectiveGeneralOutput>;

export const WorkspacePreferencesOutput = z.object({
  name: z.string(),
  support_team_access: z.boolean(),
  /** Set while access is granted for a limited time; access ends by itself then. */
  support_access_expire_time: z.string().optional(),
  general: GeneralPreferencesOutput,
  effective_general: EffectiveGeneralOutput,
  update_time: z.string(),
  etag: z.string(),
});
export type WorkspacePreferencesOutput = z.infer<typeof WorkspacePreferencesOutput>;

export const OrganizationPreferencesOutput = z.object({
  name: z.string(),
  general: GeneralPreferencesOutput,
  effective_general: EffectiveGeneralOutput,
  members_can_create_workspaces: z.boolean(),
  update_time: z.string(),
  etag: z.string(),
});
export type OrganizationPreferencesOutput = z.infer<typeof OrganizationPreferencesOutput>;
