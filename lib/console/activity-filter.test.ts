import { describe, expect, it } from "vitest";
import { parseFilter } from "../api/filter";
import { activityFilter, startOfDay } from "./activity-filter";

describe("activity filter", () => {
  it("is empty for an empty form", () => {
    expect(activityFilter({}, "UTC")).toBe("");
    expect(activityFilter({ action: "  ", actor: "" }, "UTC")).toBe("");
  });

  it("combines the fields with AND and quotes values so they stay data", () => {
    const f = activityFilter({ action: "member.add", actor: 'a"b\\c@x.test' }, "UTC");
    expect(f).toBe('action = "member.add" AND actor_email = "a\\"b\\\\c@x.test"');
    const ast = parseFilter(f);
    expect(ast).toMatchObject({ type: "and", children: [{ value: "member.add" }, { field: "actor_email", value: 'a"b\\c@x.test' }] });
  });

  it("turns days in the page's zone into a half-open UTC range", () => {
    expect(activityFilter({ from: "2026-12-01", to: "2026-12-02" }, "UTC")).toBe('create_time >= "2026-12-01T00:00:00.000Z" AND create_time < "2026-12-03T00:00:00.000Z"');
    expect(activityFilter({ from: "2026-12-01", to: "2026-12-01" }, "Europe/Zurich")).toBe('create_time >= "2026-11-30T23:00:00.000Z" AND create_time < "2026-12-01T23:00:00.000Z"');
    expect(startOfDay("2026-07-01", "America/New_York")?.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    // The day summer time starts in Europe (02:00 → 03:00) still begins at local midnight.
    expect(startOfDay("2026-03-29", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-02-30", "UTC")).toBeNull();
    expect(activityFilter({ from: "yesterday" }, "UTC")).toBe("");
  });
});
