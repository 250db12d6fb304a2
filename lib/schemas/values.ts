// The schemas' plain values — enums, limits, the time-zone list — that console pages use without
// zod: a page that imports one from here does not load zod and the schema modules with its first
// JavaScript (issue 13); the forms load those when they first validate. Each schema module
// re-exports its area's values, so server code reads them from there as before.

// Workspaces
export const DATA_REGIONS = ["us-west-2", "eu-west-1", "ap-south-1"] as const;
export const PII_STRATEGIES = ["DEFAULT", "STRICT"] as const;
export const WORKSPACE_STATES = ["ACTIVE", "DISABLED", "TERMINATED", "DELETED"] as const;

/** The icon identifiers the console offers; a single emoji is accepted too. */
export const WORKSPACE_ICONS = [
  "rocket", "briefcase", "building", "chart", "cloud", "code", "cog", "database", "flask",
  "folder", "globe", "heart", "home", "lightning", "lock", "megaphone", "puzzle", "shield",
  "star", "users",
] as const;

export const WORKSPACE_UPDATABLE = ["title", "description", "workspace_icon", "workspace_icon_color", "configuration.domain"] as const;
export type WorkspaceUpdatablePath = (typeof WORKSPACE_UPDATABLE)[number];

export const STATE_TRANSITION_REASONS = ["USER_INITIATED", "ORG_BANNED", "PAYMENT_DEFAULT", "INACTIVITY"] as const;
export type StateTransitionReason = (typeof STATE_TRANSITION_REASONS)[number];

// Members and roles
export const ROLE_SCOPES = ["ROLE_SCOPE_ORGANIZATION", "ROLE_SCOPE_WORKSPACE"] as const;

export const MAX_ROLES_PER_MEMBER = 20;

// Invitations
export const INVITATION_STATES = ["PENDING", "ACCEPTED", "REVOKED", "EXPIRED", "DECLINED"] as const;
export type InvitationStateName = (typeof INVITATION_STATES)[number];

export const MAX_EMAILS_PER_INVITE = 100;

// Organizations
export const MAX_LOGO_CHARS = 256 * 1024;

// Credentials
export const CREDENTIAL_ACTOR_TYPES = ["workspace", "user", "service"] as const;

// Preferences
export const TIME_FORMATS = ["TIME_FORMAT_UNSPECIFIED", "TIME_FORMAT_12_HOUR", "TIME_FORMAT_24_HOUR"] as const;
export const DATE_FORMATS = [
  "DATE_FORMAT_UNSPECIFIED",
  "DATE_FORMAT_DD_MM_YYYY_SLASH",
  "DATE_FORMAT_MM_DD_YYYY_SLASH",
  "DATE_FORMAT_YYYY_MM_DD_DASH",
  "DATE_FORMAT_DD_MM_YYYY_DASH",
  "DATE_FORMAT_MM_DD_YYYY_DASH",
  "DATE_FORMAT_YYYY_MM_DD_SLASH",
  "DATE_FORMAT_DD_MM_YYYY_DOT",
  "DATE_FORMAT_MM_DD_YYYY_DOT",
  "DATE_FORMAT_YYYY_MM_DD_DOT",
  "DATE_FORMAT_DD_MMM_YYYY",
  "DATE_FORMAT_MMM_DD_YYYY",
  "DATE_FORMAT_DD_MMMM_YYYY",
  "DATE_FORMAT_MMMM_DD_YYYY",
] as const;
export const DECIMAL_SYMBOLS = ["DECIMAL_SYMBOL_UNSPECIFIED", "DECIMAL_SYMBOL_PERIOD", "DECIMAL_SYMBOL_COMMA"] as const;
export const MEASUREMENT_SYSTEMS = ["MEASUREMENT_SYSTEM_UNSPECIFIED", "MEASUREMENT_SYSTEM_METRIC", "MEASUREMENT_SYSTEM_IMPERIAL"] as const;

export type TimeFormat = (typeof TIME_FORMATS)[number];
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DecimalSymbol = (typeof DECIMAL_SYMBOLS)[number];
export type MeasurementSystem = (typeof MEASUREMENT_SYSTEMS)[number];

export const MAX_DECIMAL_PLACES = 10;
/** Support access is granted for at most this long at a time. */
export const MAX_SUPPORT_ACCESS_DAYS = 30;

export const GENERAL_FIELDS = ["time_zone", "time_format", "date_format", "decimal_symbol", "decimal_places", "measurement_system"] as const;
export type GeneralField = (typeof GENERAL_FIELDS)[number];

export const PREFERENCE_SOURCES = ["WORKSPACE", "ORGANIZATION", "DEFAULT"] as const;
export type PreferenceSource = (typeof PREFERENCE_SOURCES)[number];

let zoneSet: Set<string> | undefined;
/** The zones the console offers: the runtime's IANA list plus `UTC`, sorted. */
export function timeZoneNames(): string[] {
  zoneSet ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return [...zoneSet].sort();
}

const AREA_LOCATION = /^[A-Z][A-Za-z_-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)+$/;

/**
 * An IANA zone name: one of `Intl.supportedValuesOf('timeZone')`, `UTC`, or a current IANA name
 * the runtime lists under its older alias (ICU lists `Asia/Calcutta`, people write `Asia/Kolkata`).
 * Case must be as IANA spells it: the value is stored as sent, so `europe/zurich` is refused.
 */
export function isTimeZone(name: string): boolean {
  if (name.length > 64) return false;
  timeZoneNames();
  if (zoneSet!.has(name)) return true;
  if (!AREA_LOCATION.test(name)) return false;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return zoneSet!.has(resolved);
  } catch {
    return false;
  }
}
