import { describe, expect, it } from "vitest";
import { parseCsv } from "../../console/csv";
import { csvField, csvRecord } from "./csv-writer";

describe("csv writer", () => {
  it("quotes every field and doubles quotes, so commas and line breaks survive a round trip", () => {
    const values = ['say "hi"', "a,b", "line1\nline2", "", "plain"];
    const text = csvRecord(values);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text).rows).toEqual([values]);
  });

  it("defuses values a spreadsheet would run as formulas", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const v of ["+1", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(v).startsWith(`"'`)).toBe(true);
    expect(csvField("workspace.update")).toBe('"workspace.update"');
  });
});
