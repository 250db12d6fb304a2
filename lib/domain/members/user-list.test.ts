import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/client";
import { PLAN_PER_EXECUTION } from "../../prisma-client";
import { likeContains, planUserList } from "./user-list";

describe("likeContains", () => {
  it("wraps the value in wildcards and escapes LIKE's own", () => {
    expect(likeContains("john")).toBe("%john%");
    expect(likeContains("100%")).toBe("%100\\%%");
    expect(likeContains("a_b")).toBe("%a\\_b%");
    expect(likeContains("back\\slash")).toBe("%back\\\\slash%");
    expect(likeContains("")).toBe("%%");
  });
});

describe("planUserList", () => {
  const branches = [Prisma.sql`SELECT * FROM a`, Prisma.sql`SELECT * FROM b`];
  const resolve = async (values: string[]) => new Map(values.map((v) => [v, [v]]));

  it("marks a filtered page and its count to be planned for their values, and leaves an unfiltered one named", async () => {
    const filtered = await planUserList(branches, { filter: 'role = "workspace-admin"' }, ["s"], resolve);
    expect(filtered.query.text.startsWith(PLAN_PER_EXECUTION)).toBe(true);
    expect(filtered.countQuery.text.startsWith(PLAN_PER_EXECUTION)).toBe(true);
    const plain = await planUserList(branches, {}, ["s"], resolve);
    expect(plain.query.text).not.toContain(PLAN_PER_EXECUTION);
    expect(plain.countQuery.text).not.toContain(PLAN_PER_EXECUTION);
  });
});
