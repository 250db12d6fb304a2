import { describe, expect, it } from "vitest";
import { PRODUCT_DEFAULTS, UNSET_GENERAL, resolveGeneral, resolveOrganizationGeneral, storedValue, supportAccessActive, toGeneralOutput } from "./inheritance";
import { GeneralPreferencesInput, isTimeZone } from "../../schemas/preferences";

describe("resolveGeneral", () => {
  it("takes product defaults when neither workspace nor organization sets a field", () => {
    const { sources, ...values } = resolveGeneral(UNSET_GENERAL, UNSET_GENERAL);
    // API.md §6: UTC, 24-hour, YYYY-MM-DD, period, 2 places, metric.
    expect(Object.entries(values).sort()).toEqual(
      [["time_zone", "UTC"], ["time_format", "TIME_FORMAT_24_HOUR"], ["date_format", "DATE_FORMAT_YYYY_MM_DD_DASH"], ["decimal_symbol", "DECIMAL_SYMBOL_PERIOD"], ["decimal_places", 2], ["measurement_system", "MEASUREMENT_SYSTEM_METRIC"]].sort(),
    );
    expect(Object.keys(sources).sort()).toEqual(Object.keys(values).sort());
    expect(new Set(Object.values(sources))).toEqual(new Set(["DEFAULT"]));
  });

  it("prefers the workspace, then the organization, per field", () => {
    const eff = resolveGeneral(
      { ...UNSET_GENERAL, timeZone: "Asia/Tokyo", decimalPlaces: 0 },
      { ...UNSET_GENERAL, timeZone: "Europe/Zurich", dateFormat: "DATE_FORMAT_DD_MM_YYYY_DOT", decimalPlaces: 4 },
    );
    expect(eff.time_zone).toBe("Asia/Tokyo");
    expect(eff.sources.time_zone).toBe("WORKSPACE");
    // 0 is a value, not "unset".
    expect(eff.decimal_places).toBe(0);
    expect(eff.sources.decimal_places).toBe("WORKSPACE");
    expect(eff.date_format).toBe("DATE_FORMAT_DD_MM_YYYY_DOT");
    expect(eff.sources.date_format).toBe("ORGANIZATION");
    expect(eff.time_format).toBe(PRODUCT_DEFAULTS.time_format);
    expect(eff.sources.time_format).toBe("DEFAULT");
  });

  it("works without a stored organization row", () => {
    expect(resolveGeneral({ ...UNSET_GENERAL, measurementSystem: "MEASUREMENT_SYSTEM_IMPERIAL" }, null).sources.measurement_system).toBe("WORKSPACE");
    expect(resolveOrganizationGeneral(null).sources.time_zone).toBe("DEFAULT");
    expect(resolveOrganizationGeneral({ ...UNSET_GENERAL, timeZone: "UTC" }).sources.time_zone).toBe("ORGANIZATION");
  });
});

describe("storedValue", () => {
  it("stores UNSPECIFIED, empty and null as unset", () => {
    expect(storedValue("time_format", "TIME_FORMAT_UNSPECIFIED")).toBeNull();
    expect(storedValue("time_zone", "")).toBeNull();
    expect(storedValue("decimal_places", null)).toBeNull();
    expect(storedValue("decimal_places", undefined)).toBeNull();
    expect(storedValue("decimal_places", 0)).toBe(0);
    expect(storedValue("time_zone", "Europe/Zurich")).toBe("Europe/Zurich");
  });
});

describe("toGeneralOutput", () => {
  it("renders unset fields as Kognitos zero values and omits unset decimal_places", () => {
    expect(toGeneralOutput(UNSET_GENERAL)).toEqual({
      time_zone: "",
      time_format: "TIME_FORMAT_UNSPECIFIED",
      date_format: "DATE_FORMAT_UNSPECIFIED",
      decimal_symbol: "DECIMAL_SYMBOL_UNSPECIFIED",
      measurement_system: "MEASUREMENT_SYSTEM_UNSPECIFIED",
    });
    expect(toGeneralOutput({ ...UNSET_GENERAL, decimalPlaces: 0 }).decimal_places).toBe(0);
  });
});

describe("supportAccessActive", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("is off when not granted, on without expiry, off once the expiry has passed", () => {
    expect(supportAccessActive(false, null, now)).toBe(false);
    expect(supportAccessActive(true, null, now)).toBe(true);
    expect(supportAccessActive(true, new Date("2026-12-01T12:00:01Z"), now)).toBe(true);
    expect(supportAccessActive(true, new Date("2026-12-01T12:00:00Z"), now)).toBe(false);
  });
});

describe("time zones and general input", () => {
  it("accepts the runtime's IANA zones, UTC and current names of listed zones", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Zurich")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
  });

  it("refuses what is not an IANA name as IANA spells it", () => {
    for (const bad of ["Mars/Olympus", "europe/zurich", "EST", "+02:00", "Europe/Zurich ", "", "Etc/GMT+99"]) {
      expect(isTimeZone(bad), bad).toBe(false);
    }
  });

  it("names the field of each invalid value", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ time_zone: "Nowhere/Town" }, "time_zone"],
      [{ time_format: "TIME_FORMAT_36_HOUR" }, "time_format"],
      [{ date_format: "DD/MM" }, "date_format"],
      [{ decimal_symbol: "DECIMAL_SYMBOL_SEMICOLON" }, "decimal_symbol"],
      [{ decimal_places: 11 }, "decimal_places"],
      [{ decimal_places: -1 }, "decimal_places"],
      [{ decimal_places: 1.5 }, "decimal_places"],
      [{ decimal_places: "2" }, "decimal_places"],
      [{ measurement_system: "MEASUREMENT_SYSTEM_CUBITS" }, "measurement_system"],
      [{ colour: "red" }, ""],
    ];
    for (const [input, field] of cases) {
      const r = GeneralPreferencesInput.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(false);
      if (field) expect(r.error!.issues[0].path).toEqual([field]);
      else expect(r.error!.issues[0].code).toBe("unrecognized_keys");
    }
    expect(GeneralPreferencesInput.safeParse({ decimal_places: 10, time_zone: "", time_format: "TIME_FORMAT_UNSPECIFIED" }).success).toBe(true);
  });
});
