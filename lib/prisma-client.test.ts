import pg from "pg";
import { describe, expect, it } from "vitest";
import { isoFromTimestamptzText, PLAN_PER_EXECUTION, statementNamer } from "./prisma-client";

describe("statementNamer", () => {
  it("names a statement by its text, the same text the same name", () => {
    const nameOf = statementNamer();
    const a = nameOf("SELECT 1");
    expect(a).toMatch(/^wsa_/);
    expect(nameOf("SELECT 1")).toBe(a);
    expect(nameOf("SELECT 2")).not.toBe(a);
  });

  it("leaves a statement marked PLAN_PER_EXECUTION unnamed, every time", () => {
    const nameOf = statementNamer();
    expect(nameOf(`${PLAN_PER_EXECUTION}SELECT 1`)).toBeUndefined();
    expect(nameOf(`${PLAN_PER_EXECUTION}SELECT 1`)).toBeUndefined();
  });
});

describe("isoFromTimestamptzText", () => {
  const viaDate = (text: string) => (pg.types.getTypeParser(1184, "text")(text) as Date).toISOString();

  it("writes what the driver's Date would write, for every fraction length and odd years", () => {
    const texts = [
      "2026-01-02 03:04:05+00",
      "2026-01-02 03:04:05.6+00",
      "2026-01-02 03:04:05.67+00",
      "2026-01-02 03:04:05.678+00",
      "2026-01-02 03:04:05.6789+00",
      "2026-01-02 03:04:05.67891+00",
      "2026-01-02 03:04:05.999999+00",
      "2024-02-29 23:59:59.001+00",
      "0050-06-01 00:00:00.25+00",
      "0001-01-01 00:00:00+00",
      "9999-12-31 23:59:59.999+00",
    ];
    for (const text of texts) expect(isoFromTimestamptzText(text), text).toBe(viaDate(text));
  });

  it("agrees with the driver's Date on random instants at microsecond precision", () => {
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(Math.random() * 4102444800000);
      const micros = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
      const iso = new Date(ms).toISOString();
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}${micros}`.replace(/\.?0+$/, "") + "+00";
      expect(isoFromTimestamptzText(text), text).toBe(viaDate(text));
    }
  });

  it("leaves other session time zones, BC dates and years past 9999 to the driver's parse", () => {
    for (const text of ["2026-01-02 03:04:05.678+05:30", "2026-01-02 03:04:05-03:30", "2026-01-02 03:04:05.5+01", "0044-03-15 12:00:00+00 BC", "12026-01-02 03:04:05+00"]) {
      expect(isoFromTimestamptzText(text), text).toBe(viaDate(text));
    }
  });
});
