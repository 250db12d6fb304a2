import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { decodePathParam, queryOf } from "./query";

function violation(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe("INVALID_ARGUMENT");
    return (e as ApiError).options.fieldViolations?.[0]?.field;
  }
  return undefined;
}

describe("queryOf", () => {
  it("decodes as URLSearchParams does for good input", () => {
    const q = queryOf("http://x/a?filter=title+%3A+%22caf%C3%A9%22&page_size=2&flag&empty=");
    expect(q.get("filter")).toBe('title : "café"');
    expect(q.get("page_size")).toBe("2");
    expect(q.get("flag")).toBe("");
    expect(q.get("empty")).toBe("");
  });

  it("refuses broken UTF-8 escapes instead of turning them into U+FFFD", () => {
    expect(violation(() => queryOf("http://x/a?filter=%ED%A0%80"))).toBe("filter");
    expect(violation(() => queryOf("http://x/a?order_by=%FF"))).toBe("order_by");
    expect(violation(() => queryOf("http://x/a?x=%E0%A4"))).toBe("x");
    expect(violation(() => queryOf("http://x/a?%FF=1"))).toBe("(query parameter name)");
  });

  it("refuses control characters and bidi controls; a filter may hold tab and newline", () => {
    expect(violation(() => queryOf("http://x/a?filter=a%00b"))).toBe("filter");
    expect(violation(() => queryOf("http://x/a?page_token=%E2%80%AE"))).toBe("page_token");
    expect(violation(() => queryOf("http://x/a?order_by=title%0A"))).toBe("order_by");
    expect(queryOf("http://x/a?filter=a%0A%09b").get("filter")).toBe("a\n\tb");
  });
});

describe("decodePathParam", () => {
  it("decodes ids and keeps + literal", () => {
    expect(decodePathParam("ws", "ws_1%3Adisable")).toBe("ws_1:disable");
    expect(decodePathParam("ws", "a+b")).toBe("a+b");
  });

  it("refuses a percent-encoded lone surrogate, broken escapes and control characters", () => {
    expect(violation(() => decodePathParam("org", "org_x%ED%A0%80y"))).toBe("org");
    expect(violation(() => decodePathParam("org", "org_%"))).toBe("org");
    expect(violation(() => decodePathParam("ws", "ws_%00"))).toBe("ws");
  });
});
