// Dates, times and numbers as a workspace's (or organization's) effective preferences say, with
// the zone named: "02.12.2026, 14:05 CET". The same text on the server and in the browser (the
// zone is the preference's, never the reader's), so two admins in different places read the same
// day for one record. Pure and client-safe.

import type { DateFormat, DecimalSymbol, TimeFormat } from "../schemas/preferences";

export interface DisplayPreferences {
  time_zone: string;
  time_format: TimeFormat;
  date_format: DateFormat;
  decimal_symbol: DecimalSymbol;
  decimal_places: number;
}

export const DEFAULT_DISPLAY: DisplayPreferences = {
  time_zone: "UTC",
  time_format: "TIME_FORMAT_24_HOUR",
  date_format: "DATE_FORMAT_YYYY_MM_DD_DASH",
  decimal_symbol: "DECIMAL_SYMBOL_PERIOD",
  decimal_places: 2,
};

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = partsCache.get(key);
  if (!f) {
    f = make();
    partsCache.set(key, f);
  }
  return f;
}

function zoneOf(p: DisplayPreferences): string {
  try {
    formatter(`probe|${p.time_zone}`, () => new Intl.DateTimeFormat("en-US", { timeZone: p.time_zone }));
    return p.time_zone;
  } catch {
    return "UTC";
  }
}

function parts(date: Date, zone: string, options: Intl.DateTimeFormatOptions, locale = "en-US"): Record<string, string> {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  const f = formatter(key, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }));
  const out: Record<string, string> = {};
  for (const part of f.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** The date alone, in the preference's zone and format. */
export function formatDate(date: Date, p: DisplayPreferences = DEFAULT_DISPLAY): string {
  const zone = zoneOf(p);
  const n = parts(date, zone, { year: "numeric", month: "2-digit", day: "2-digit" });
  const { year: y, month: m, day: d } = n;
  switch (p.date_format) {
    case "DATE_FORMAT_DD_MM_YYYY_SLASH": return `${d}/${m}/${y}`;
    case "DATE_FORMAT_MM_DD_YYYY_SLASH": return `${m}/${d}/${y}`;
    case "DATE_FORMAT_DD_MM_YYYY_DASH": return `${d}-${m}-${y}`;
    case "DATE_FORMAT_MM_DD_YYYY_DASH": return `${m}-${d}-${y}`;
    case "DATE_FORMAT_YYYY_MM_DD_SLASH": return `${y}/${m}/${d}`;
    case "DATE_FORMAT_DD_MM_YYYY_DOT": return `${d}.${m}.${y}`;
    case "DATE_FORMAT_MM_DD_YYYY_DOT": return `${m}.${d}.${y}`;
    case "DATE_FORMAT_YYYY_MM_DD_DOT": return `${y}.${m}.${d}`;
    case "DATE_FORMAT_DD_MMM_YYYY":
    case "DATE_FORMAT_MMM_DD_YYYY":
    case "DATE_FORMAT_DD_MMMM_YYYY":
    case "DATE_FORMAT_MMMM_DD_YYYY": {
      const long = p.date_format.includes("MMMM");
      const w = parts(date, zone, { year: "numeric", month: long ? "long" : "short", day: "numeric" });
      return p.date_format.startsWith("DATE_FORMAT_DD") ? `${w.day} ${w.month} ${w.year}` : `${w.month} ${w.day}, ${w.year}`;
    }
    default: return `${y}-${m}-${d}`;
  }
}

/** The time of day: "14:05" or "2:05 PM". */
export function formatTime(date: Date, p: DisplayPreferences = DEFAULT_DISPLAY): string {
  const zone = zoneOf(p);
  if (p.time_format === "TIME_FORMAT_12_HOUR") {
    const t = parts(date, zone, { hour: "numeric", minute: "2-digit", hour12: true });
    return `${t.hour}:${t.minute} ${t.dayPeriod}`;
  }
  const t = parts(date, zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${t.hour}:${t.minute}`;
}

/** The zone's short name at that instant: "CET", "EST", "GMT+5:30", "UTC". */
export function zoneAbbreviation(date: Date, p: DisplayPreferences = DEFAULT_DISPLAY): string {
  const zone = zoneOf(p);
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  // en-GB names European zones (CET, BST); en-US names the American ones; else the offset.
  for (const locale of ["en-US", "en-GB"]) {
    const name = parts(date, zone, { timeZoneName: "short" }, locale).timeZoneName ?? "";
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return parts(date, zone, { timeZoneName: "short" }).timeZoneName ?? zone;
}

/** "02.12.2026, 14:05 CET". */
export function formatDateTime(date: Date, p: DisplayPreferences = DEFAULT_DISPLAY): string {
  return `${formatDate(date, p)}, ${formatTime(date, p)} ${zoneAbbreviation(date, p)}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 hours ago", "in 2 days", "just now": shown with the full formatDateTime on hover. */
export function formatRelative(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}

/** A number with the preference's decimal places and symbol; thousands grouped with the other mark. */
export function formatNumber(value: number, p: DisplayPreferences = DEFAULT_DISPLAY, places = p.decimal_places): string {
  const text = new Intl.NumberFormat("en-US", { minimumFractionDigits: places, maximumFractionDigits: places }).format(value);
  if (p.decimal_symbol !== "DECIMAL_SYMBOL_COMMA") return text;
  return text.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}

/** An integer count (members, entries): grouped, never with decimals. */
export function formatCount(value: number, p: DisplayPreferences = DEFAULT_DISPLAY): string {
  return formatNumber(value, p, 0);
}
