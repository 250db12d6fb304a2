import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { filterOn } from "./filter";
import { parseOrderBy, parsePageSize, planList, type ListSpec } from "./list";

type W = Record<string, unknown>;
const spec: ListSpec<W> = {
  filter: { title: filterOn.text("title") },
  order: { title: { path: "title", kind: "string" }, create_time: { path: "createdAt", kind: "date" } },
  defaultOrder: "create_time desc",
  idPath: "id",
};

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as ApiError).code;
  }
  return "none";
}

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `ws_${String(i).padStart(3, "0")}`, title: `t${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }));

describe("parsePageSize", () => {
  it("defaults to 50, coerces above 1000 and rejects negatives and junk", () => {
    expect(parsePageSize(undefined)).toBe(50);
    expect(parsePageSize("0")).toBe(50);
    expect(parsePageSize("7")).toBe(7);
    expect(parsePageSize("5000")).toBe(1000);
    expect(code(() => parsePageSize("-1"))).toBe("INVALID_ARGUMENT");
    expect(code(() => parsePageSize("ten"))).toBe("INVALID_ARGUMENT");
  });
});

describe("parseOrderBy", () => {
  it("uses the default order and parses directions", () => {
    expect(parseOrderBy(undefined, spec)).toEqual([{ name: "create_time", path: "createdAt", kind: "date", desc: true }]);
    expect(parseOrderBy("title desc, create_time", spec).map((t) => [t.name, t.desc])).toEqual([
      ["title", true],
      ["create_time", false],
    ]);
  });

  it("rejects unknown fields, repeated fields and bad directions", () => {
    expect(code(() => parseOrderBy("owner", spec))).toBe("INVALID_ARGUMENT");
    expect(code(() => parseOrderBy("title, title desc", spec))).toBe("INVALID_ARGUMENT");
    expect(code(() => parseOrderBy("title sideways", spec))).toBe("INVALID_ARGUMENT");
  });
});

describe("planList", () => {
  it("adds the id as tie-breaker in the direction of the last key", () => {
    expect(planList(spec, { order_by: "title desc" }, ["p"]).orderBy).toEqual([{ title: "desc" }, { id: "desc" }]);
  });

  it("returns a next page token only when there are more rows", () => {
    const plan = planList(spec, { page_size: "2" }, ["p"]);
    expect(plan.page(rows(2)).nextPageToken).toBe("");
    const page = plan.page(rows(3));
    expect(page.items).toHaveLength(2);
    expect(page.nextPageToken).not.toBe("");
  });

  it("turns a token into a keyset predicate with the redundant leading bound", () => {
    const first = planList(spec, { page_size: "2", order_by: "title" }, ["p"]).page(rows(3));
    const next = planList(spec, { page_size: "2", order_by: "title", page_token: first.nextPageToken }, ["p"]);
    expect(next.cursor).toEqual({
      AND: [
        { title: { gte: "t1" } },
        { OR: [{ title: { gt: "t1" } }, { AND: [{ title: { equals: "t1" } }, { id: { gt: "ws_001" } }] }] },
      ],
    });
  });

  it("restores dates from tokens", () => {
    const first = planList(spec, { page_size: "1" }, ["p"]).page(rows(2));
    const next = planList(spec, { page_size: "1", page_token: first.nextPageToken }, ["p"]);
    expect(JSON.stringify(next.cursor)).toContain("2026-01-01T00:00:00.000Z");
    expect((next.cursor as { AND: [{ createdAt: { lte: Date } }] }).AND[0].createdAt.lte).toBeInstanceOf(Date);
  });

  it("rejects a token reused with another filter, order, parent or after tampering", () => {
    const token = planList(spec, { page_size: "1", filter: 'title : "t"' }, ["orgA"]).page(rows(2)).nextPageToken;
    expect(code(() => planList(spec, { page_token: token, filter: 'title : "t"' }, ["orgA"]))).toBe("none");
    expect(code(() => planList(spec, { page_token: token, filter: 'title : "u"' }, ["orgA"]))).toBe("INVALID_ARGUMENT");
    expect(code(() => planList(spec, { page_token: token, filter: 'title : "t"', order_by: "title" }, ["orgA"]))).toBe("INVALID_ARGUMENT");
    expect(code(() => planList(spec, { page_token: token, filter: 'title : "t"' }, ["orgB"]))).toBe("INVALID_ARGUMENT");
    const [body, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), k: ["x", "y"] })).toString("base64url");
    expect(code(() => planList(spec, { page_token: `${forged}.${mac}`, filter: 'title : "t"' }, ["orgA"]))).toBe("INVALID_ARGUMENT");
    expect(code(() => planList(spec, { page_token: "garbage" }, ["orgA"]))).toBe("INVALID_ARGUMENT");
  });
});
