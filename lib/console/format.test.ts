import { describe, expect, it } from "vitest";
import { DEFAULT_DISPLAY, formatCount, formatDate, formatDateTime, formatNumber, formatRelative, formatTime, zoneAbbreviation, type DisplayPreferences } from "./format";

const at = new Date("2026-12-02T13:05:09Z");
const zurich: DisplayPreferences = { ...DEFAULT_DISPLAY, time_zone: "Europe/Zurich", date_format: "DATE_FORMAT_DD_MMM_YYYY" };

describe("format", () => {
  it("renders the product default: ISO date, 24-hour, UTC named", () => {
    expect(formatDateTime(at)).toBe("2026-12-02, 13:05 UTC");
  });

  it("uses the preference's zone, so the day can change with it", () => {
    expect(formatDateTime(at, zurich)).toBe("2 Dec 2026, 14:05 CET");
    const late = new Date("2026-12-02T23:30:00Z");
    expect(formatDate(late, { ...DEFAULT_DISPLAY, time_zone: "Asia/Tokyo" })).toBe("2026-12-03");
    expect(formatDate(late, { ...DEFAULT_DISPLAY, time_zone: "America/Los_Angeles" })).toBe("2026-12-02");
    expect(zoneAbbreviation(at, { ...DEFAULT_DISPLAY, time_zone: "America/New_York" })).toBe("EST");
    expect(zoneAbbreviation(new Date("2026-07-01T12:00:00Z"), { ...DEFAULT_DISPLAY, time_zone: "Europe/London" })).toBe("BST");
    expect(zoneAbbreviation(at, { ...DEFAULT_DISPLAY, time_zone: "Asia/Kolkata" })).toBe("GMT+5:30");
  });

  it("renders every date format", () => {
    const cases: [DisplayPreferences["date_format"], string][] = [
      ["DATE_FORMAT_UNSPECIFIED", "2026-12-02"],
      ["DATE_FORMAT_DD_MM_YYYY_SLASH", "02/12/2026"],
      ["DATE_FORMAT_MM_DD_YYYY_SLASH", "12/02/2026"],
      ["DATE_FORMAT_YYYY_MM_DD_DASH", "2026-12-02"],
      ["DATE_FORMAT_DD_MM_YYYY_DASH", "02-12-2026"],
      ["DATE_FORMAT_MM_DD_YYYY_DASH", "12-02-2026"],
      ["DATE_FORMAT_YYYY_MM_DD_SLASH", "2026/12/02"],
      ["DATE_FORMAT_DD_MM_YYYY_DOT", "02.12.2026"],
      ["DATE_FORMAT_MM_DD_YYYY_DOT", "12.02.2026"],
      ["DATE_FORMAT_YYYY_MM_DD_DOT", "2026.12.02"],
      ["DATE_FORMAT_DD_MMM_YYYY", "2 Dec 2026"],
      ["DATE_FORMAT_MMM_DD_YYYY", "Dec 2, 2026"],
      ["DATE_FORMAT_DD_MMMM_YYYY", "2 December 2026"],
      ["DATE_FORMAT_MMMM_DD_YYYY", "December 2, 2026"],
    ];
    for (const [date_format, text] of cases) expect(formatDate(at, { ...DEFAULT_DISPLAY, date_format }), date_format).toBe(text);
  });

  it("renders 12- and 24-hour times", () => {
    expect(formatTime(at, { ...DEFAULT_DISPLAY, time_format: "TIME_FORMAT_12_HOUR" })).toBe("1:05 PM");
    expect(formatTime(new Date("2026-12-02T00:07:00Z"), DEFAULT_DISPLAY)).toBe("00:07");
    expect(formatTime(new Date("2026-12-02T00:07:00Z"), { ...DEFAULT_DISPLAY, time_format: "TIME_FORMAT_12_HOUR" })).toBe("12:07 AM");
  });

  it("renders numbers with the decimal symbol and places", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.89");
    expect(formatNumber(1234567.891, { ...DEFAULT_DISPLAY, decimal_symbol: "DECIMAL_SYMBOL_COMMA", decimal_places: 3 })).toBe("1.234.567,891");
    expect(formatNumber(2.5, { ...DEFAULT_DISPLAY, decimal_places: 0 })).toBe("3");
    expect(formatCount(12000, { ...DEFAULT_DISPLAY, decimal_symbol: "DECIMAL_SYMBOL_COMMA" })).toBe("12.000");
  });

  it("falls back to UTC for a zone the runtime does not know", () => {
    expect(formatDateTime(at, { ...DEFAULT_DISPLAY, time_zone: "Nowhere/Land" })).toBe("2026-12-02, 13:05 UTC");
  });

  it("says how long ago", () => {
    const now = new Date("2026-12-02T16:05:09Z");
    expect(formatRelative(at, now)).toBe("3 hours ago");
    expect(formatRelative(new Date(now.getTime() + 2 * 86_400_000), now)).toBe("in 2 days");
    expect(formatRelative(now, now)).toBe("just now");
  });
});
