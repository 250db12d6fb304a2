import { describe, expect, it } from "vitest";
import { csvField, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("splits plain rows and fields", () => {
    expect(parseCsv("a,b,c\n1,2,3\n").rows).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("keeps commas, line breaks and doubled quotes inside quoted fields", () => {
    const { rows, error } = parseCsv('title,description\n"Sales, EMEA","Line one\nline ""two"""\n');
    expect(error).toBe("");
    expect(rows).toEqual([
      ["title", "description"],
      ["Sales, EMEA", 'Line one\nline "two"'],
    ]);
  });

  it("accepts files with CRLF or lone CR line endings, and a last row without a newline", () => {
    for (const eol of ["\r\n", "\r"]) {
      const { rows, lines } = parseCsv(["a,b", "1,2", "", "3,4"].join(eol));
      expect(rows).toEqual([
        ["a", "b"],
        ["1", "2"],
        ["3", "4"],
      ]);
      expect(lines).toEqual([1, 2, 4]);
    }
  });

  it("says on which line a quoted field has text after its closing quote", () => {
    expect(parseCsv('title\nok\n"bad"x,1\n').error).toBe('A quoted field on line 3 has text after its closing quote; write a quote inside a field as two ("").');
  });

  it("keeps CRLF inside a quoted field as written", () => {
    expect(parseCsv('a\r\n"x\r\ny"\r\n').rows).toEqual([["a"], ["x\r\ny"]]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(parseCsv("a,,c,\n,\n").rows).toEqual([
      ["a", "", "c", ""],
      ["", ""],
    ]);
  });

  it("skips blank lines and reports the line each record starts on", () => {
    const { rows, lines } = parseCsv('h\n\n  \nx\n"multi\nline"\ny\n');
    expect(rows).toEqual([["h"], ["x"], ["multi\nline"], ["y"]]);
    expect(lines).toEqual([1, 4, 5, 7]);
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(parseCsv("\uFEFFtitle\nA").rows).toEqual([["title"], ["A"]]);
  });

  it("reports an unterminated quote with its line", () => {
    const result = parseCsv('title\n"never closed\nmore');
    expect(result.error).toBe("A quoted field that starts on line 2 is never closed.");
  });

  it("reads an empty text as no rows", () => {
    expect(parseCsv("")).toEqual({ rows: [], lines: [], error: "" });
    expect(parseCsv("\n\r\n").rows).toEqual([]);
  });

  it("round-trips fields written with csvField", () => {
    const values = ["plain", "with, comma", 'with "quotes"', "two\nlines", ""];
    expect(parseCsv(values.map(csvField).join(",")).rows).toEqual([values]);
  });
});
