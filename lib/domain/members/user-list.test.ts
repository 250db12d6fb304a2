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

  // Bug this pins: a page ordered by display_name or email was a named statement, and after five
  // executions on a connection PostgreSQL used its generic plan, which sorted all 100,000 members
  // of the bench's workspace (300–1,400 ms a request, where the per-value plan takes under 1 ms).
  it("marks a page ordered by a user's name or email to be planned for its values, not its count; other orders stay named", async () => {
    for (const order_by of ["display_name", "email desc", "display_name, created_time"]) {
      const plan = await planUserList(branches, { order_by }, ["s"], resolve);
      expect(plan.query.text.startsWith(PLAN_PER_EXECUTION), order_by).toBe(true);
      expect(plan.countQuery.text, order_by).not.toContain(PLAN_PER_EXECUTION);
    }
    for (const order_by of ["created_time desc", "updated_time", "created_time, display_name"]) {
      expect((await planUserList(branches, { order_by }, ["s"], resolve)).query.text, order_by).not.toContain(PLAN_PER_EXECUTION);
    }
  });
});
