import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { canonicalFilter, compileFilter, filterOn, parseFilter, type FilterFields } from "./filter";

type W = Record<string, unknown>;
const fields: FilterFields<W> = {
  title: filterOn.text("title"),
  state: filterOn.enumeration("state", ["ACTIVE", "DISABLED"]),
  create_time: filterOn.timestamp("createdAt"),
};

function violation(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect(err.code).toBe("INVALID_ARGUMENT");
    expect(err.options.fieldViolations?.[0].field).toBe("filter");
    return err.message;
  }
  throw new Error("expected an INVALID_ARGUMENT error");
}

describe("parseFilter", () => {
  it("treats blank filters as no filter", () => {
    expect(parseFilter(undefined)).toBeUndefined();
    expect(parseFilter("   ")).toBeUndefined();
  });

  it("parses the three comparison operators on quoted and bare values", () => {
    expect(parseFilter('title = "Prod"')).toEqual({ type: "cmp", field: "title", op: "=", value: "Prod", quoted: true, pos: 1 });
    expect(parseFilter("title != Prod")).toMatchObject({ op: "!=", value: "Prod", quoted: false });
    expect(parseFilter('title : "x"')).toMatchObject({ op: ":", value: "x" });
    expect(parseFilter("title:x")).toMatchObject({ op: ":", value: "x" });
  });

  it("gives AND precedence over OR and honours parentheses", () => {
    const ast = parseFilter('title = "a" OR title = "b" AND state = ACTIVE');
    expect(ast).toMatchObject({ type: "or", children: [{ type: "cmp" }, { type: "and" }] });
    const grouped = parseFilter('(title = "a" OR title = "b") AND state = ACTIVE');
    expect(grouped).toMatchObject({ type: "and", children: [{ type: "or" }, { type: "cmp", field: "state" }] });
  });

  it("ANDs terms separated by whitespace and supports NOT and -", () => {
    expect(parseFilter('title : "a" state = ACTIVE')).toMatchObject({ type: "and" });
    expect(parseFilter('NOT title = "a"')).toMatchObject({ type: "not", child: { field: "title" } });
    expect(parseFilter('-title = "a"')).toMatchObject({ type: "not", child: { field: "title" } });
  });

  it("keeps quotes, escapes and SQL-looking text as plain data", () => {
    const ast = parseFilter(String.raw`title = "O'Brien \"quoted\" '; DROP TABLE workspaces; --"`);
    expect(ast).toMatchObject({ value: `O'Brien "quoted" '; DROP TABLE workspaces; --` });
    expect(compileFilter(ast, fields)).toEqual({
      title: { equals: `O'Brien "quoted" '; DROP TABLE workspaces; --`, mode: "insensitive" },
    });
  });

  it("reports syntax errors with their position", () => {
    expect(violation(() => parseFilter('title = "open'))).toMatch(/unterminated string starting at position 9/);
    expect(violation(() => parseFilter("title ="))).toMatch(/expected a value at position 8/);
    expect(violation(() => parseFilter("(title = a"))).toMatch(/expected '\)' at position 11/);
    expect(violation(() => parseFilter("title = a )"))).toMatch(/unexpected '\)' at position 11/);
    expect(violation(() => parseFilter("= a"))).toMatch(/expected a field name at position 1/);
    expect(violation(() => parseFilter("title a"))).toMatch(/expected an operator after 'title' at position 7/);
  });

  it("rejects absurdly long or deeply nested input", () => {
    expect(violation(() => parseFilter(`title = "${"x".repeat(3000)}"`))).toMatch(/longer than/);
    expect(violation(() => parseFilter(`${"(".repeat(40)}title = a${")".repeat(40)}`))).toMatch(/nested too deeply/);
  });
});

describe("compileFilter", () => {
  it("builds case-insensitive contains and negations", () => {
    expect(compileFilter(parseFilter('title : "prod"'), fields)).toEqual({ title: { contains: "prod", mode: "insensitive" } });
    expect(compileFilter(parseFilter('title != "prod"'), fields)).toEqual({ NOT: { title: { equals: "prod", mode: "insensitive" } } });
  });

  it("nests AND/OR/NOT", () => {
    expect(compileFilter(parseFilter('NOT (title : a OR state = disabled)'), fields)).toEqual({
      NOT: { OR: [{ title: { contains: "a", mode: "insensitive" } }, { state: "DISABLED" }] },
    });
  });

  it("rejects unknown fields, unsupported operators and bad enum or time values", () => {
    expect(violation(() => compileFilter(parseFilter('owner = "x"'), fields))).toMatch(/unknown field 'owner' at position 1/);
    expect(violation(() => compileFilter(parseFilter("state : ACT"), fields))).toMatch(/operator ':' is not supported on 'state'/);
    expect(violation(() => compileFilter(parseFilter("state = GONE"), fields))).toMatch(/'GONE' is not one of ACTIVE, DISABLED/);
    expect(violation(() => compileFilter(parseFilter('create_time >= "yesterday"'), fields))).toMatch(/not an RFC 3339 timestamp/);
  });

  it("does not treat prototype keys as fields", () => {
    expect(violation(() => compileFilter(parseFilter("constructor = x"), fields))).toMatch(/unknown field 'constructor'/);
  });

  it("compiles timestamp comparisons to dates", () => {
    expect(compileFilter(parseFilter('create_time >= "2026-01-01T00:00:00Z"'), fields)).toEqual({
      createdAt: { gte: new Date("2026-01-01T00:00:00Z") },
    });
  });
});

describe("canonicalFilter", () => {
  it("is the same for filters that differ only in spacing and quoting", () => {
    expect(canonicalFilter(parseFilter('title:"a"  AND state=ACTIVE'))).toBe(canonicalFilter(parseFilter("title : a AND state = ACTIVE")));
    expect(canonicalFilter(parseFilter('title : "a"'))).not.toBe(canonicalFilter(parseFilter('title = "a"')));
  });
});
