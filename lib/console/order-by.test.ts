import { describe, expect, it } from "vitest";
import { nextOrderBy, sortingOf } from "./order-by";

describe("sortingOf", () => {
  it("reads the first field and its direction", () => {
    expect(sortingOf("create_time desc")).toEqual([{ id: "create_time", desc: true }]);
    expect(sortingOf("title")).toEqual([{ id: "title", desc: false }]);
    expect(sortingOf("display_name DESC, email")).toEqual([{ id: "display_name", desc: true }]);
    expect(sortingOf("")).toEqual([]);
    expect(sortingOf(undefined)).toEqual([]);
  });
});

describe("nextOrderBy", () => {
  it("flips the current column, and starts another A→Z or, for dates, newest first", () => {
    expect(nextOrderBy("title", "title")).toBe("title desc");
    expect(nextOrderBy("title", "title desc")).toBe("title");
    expect(nextOrderBy("title", "create_time desc")).toBe("title");
    expect(nextOrderBy("create_time", "title", true)).toBe("create_time desc");
    expect(nextOrderBy("create_time", "create_time desc", true)).toBe("create_time");
  });
});
