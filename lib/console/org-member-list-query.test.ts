import { describe, expect, it } from "vitest";
import { memberListParams, memberListSearch, parseMemberListQuery, sameMemberListQuery } from "./org-member-list-query";

describe("organization members table state", () => {
  it("round-trips through the URL, leaving defaults out", () => {
    const q = parseMemberListQuery(new URLSearchParams("q=ann&page_token=abc"));
    expect(q).toEqual({ q: "ann", pageToken: "abc" });
    expect(memberListSearch(q)).toBe("?q=ann&page_token=abc");
    expect(memberListSearch({ q: "", pageToken: "" })).toBe("");
    expect(parseMemberListQuery({ q: ["first", "second"] })).toEqual({ q: "first", pageToken: "" });
    expect(sameMemberListQuery(q, { ...q })).toBe(true);
    expect(sameMemberListQuery(q, { ...q, pageToken: "" })).toBe(false);
  });

  it("searches with an AIP-160 literal, so quotes and backslashes stay data", () => {
    expect(memberListParams({ q: '  a"b\\c ', pageToken: "" })).toEqual({
      filter: 'search : "a\\"b\\\\c"',
      order_by: "display_name",
      page_size: "25",
      page_token: "",
    });
    expect(memberListParams({ q: "   ", pageToken: "t" }).filter).toBe("");
  });
});
