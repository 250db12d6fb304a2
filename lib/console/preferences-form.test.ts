import { describe, expect, it } from "vitest";
import { GENERAL_FIELDS } from "@/lib/schemas/preferences";
import {
  changedGeneralFields,
  filterTimeZones,
  generalDraftOf,
  preferencesFieldOf,
  preferencesUpdate,
  supportChanged,
  type PreferencesFormValues,
} from "./preferences-form";
import { PreferencesFormSchema } from "./preferences-form-schema";

const unset = { time_zone: "", time_format: "", date_format: "", decimal_symbol: "", decimal_places: "", measurement_system: "" };
const values = (general: Partial<PreferencesFormValues["general"]> = {}, support = { grant: false, duration: "none" }): PreferencesFormValues => ({
  general: { ...unset, ...general },
  support,
});

describe("PreferencesFormSchema", () => {
  it("accepts inherit (empty) and valid values of every field", () => {
    expect(PreferencesFormSchema.safeParse(values()).success).toBe(true);
    const set = values({ time_zone: "Asia/Tokyo", time_format: "TIME_FORMAT_12_HOUR", date_format: "DATE_FORMAT_DD_MMM_YYYY", decimal_symbol: "DECIMAL_SYMBOL_COMMA", decimal_places: "10", measurement_system: "MEASUREMENT_SYSTEM_IMPERIAL" });
    expect(PreferencesFormSchema.safeParse(set).success).toBe(true);
  });

  it("refuses what the API refuses, with the API's message on the field", () => {
    const zone = PreferencesFormSchema.safeParse(values({ time_zone: "Mars/Olympus" }));
    expect(zone.success).toBe(false);
    expect(zone.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["general.time_zone", "time_zone must be an IANA time zone name such as Europe/Zurich, or UTC"]]);
    // Stored as sent, so the case must be IANA's.
    expect(PreferencesFormSchema.safeParse(values({ time_zone: "asia/tokyo" })).success).toBe(false);
    expect(PreferencesFormSchema.safeParse(values({ decimal_places: "11" })).error?.issues[0].path.join(".")).toBe("general.decimal_places");
    expect(PreferencesFormSchema.safeParse(values({ date_format: "DATE_FORMAT_NOPE" })).error?.issues[0].message).toMatch(/^date_format must be one of/);
  });
});

describe("changes to send", () => {
  it("sends only changed fields, an inherited one as null, decimal places as a number, with the etag", () => {
    const base = values({ time_zone: "Europe/Zurich", decimal_places: "2" });
    const next = values({ time_zone: "", decimal_places: "4", date_format: "DATE_FORMAT_DD_MMMM_YYYY" });
    const changed = { general: changedGeneralFields(base.general, next.general), support: false };
    expect(changed.general).toEqual(["time_zone", "date_format", "decimal_places"]);
    expect(preferencesUpdate(next, changed, 'W/"3"', new Date())).toEqual({
      input: { etag: 'W/"3"', general: { time_zone: null, date_format: "DATE_FORMAT_DD_MMMM_YYYY", decimal_places: 4 } },
      mask: "general.time_zone,general.date_format,general.decimal_places",
    });
  });

  it("sends support access when it changed, with an expiry a minute short of the chosen days", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const base = { grant: false, duration: "none" };
    expect(supportChanged(base, { grant: false, duration: "7" })).toBe(false);
    const grant = { grant: true, duration: "7" };
    expect(supportChanged(base, grant)).toBe(true);
    expect(preferencesUpdate(values({}, grant), { general: [], support: true }, "e", now)).toEqual({
      input: { etag: "e", support_team_access: true, support_access_expire_time: "2026-12-08T09:59:00.000Z" },
      mask: "support_team_access,support_access_expire_time",
    });
    // Keeping the current expiry sends no new one.
    const granted = { grant: true, duration: "keep" };
    expect(supportChanged(granted, granted)).toBe(false);
    expect(preferencesUpdate(values({}, { grant: false, duration: "keep" }), { general: [], support: true }, "e", now).input).toEqual({ etag: "e", support_team_access: false });
  });

  it("reads stored values as the form shows them and maps server violations onto fields", () => {
    expect(generalDraftOf({ time_zone: "", time_format: "TIME_FORMAT_UNSPECIFIED", date_format: "DATE_FORMAT_DD_MMM_YYYY", decimal_symbol: "DECIMAL_SYMBOL_UNSPECIFIED", measurement_system: "MEASUREMENT_SYSTEM_UNSPECIFIED", decimal_places: 0 })).toEqual({
      ...unset,
      date_format: "DATE_FORMAT_DD_MMM_YYYY",
      decimal_places: "0",
    });
    for (const f of GENERAL_FIELDS) expect(preferencesFieldOf(`general.${f}`)).toBe(`general.${f}`);
    expect(preferencesFieldOf("support_access_expire_time")).toBeUndefined();
    expect(preferencesFieldOf("general.colour")).toBeUndefined();
  });
});

describe("filterTimeZones", () => {
  const zones = ["America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Europe/Zurich", "UTC"];
  it("matches every word of the query anywhere in the name, ignoring case and underscores", () => {
    expect(filterTimeZones(zones, "")).toEqual(zones);
    expect(filterTimeZones(zones, "tok")).toEqual(["Asia/Tokyo"]);
    expect(filterTimeZones(zones, "new york")).toEqual(["America/New_York"]);
    expect(filterTimeZones(zones, "america/los")).toEqual(["America/Los_Angeles"]);
    expect(filterTimeZones(zones, "utc")).toEqual(["UTC"]);
    expect(filterTimeZones(zones, "mars")).toEqual([]);
  });
});
