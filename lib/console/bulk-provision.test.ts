import { describe, expect, it } from "vitest";
import { BULK_EXAMPLE, batchCreateBody, planBulkProvision, planIsReady, rowOfViolation } from "./bulk-provision";

describe("planBulkProvision", () => {
  it("reads the example shown in the dialog without errors", () => {
    const plan = planBulkProvision(BULK_EXAMPLE);
    expect(plan.fileErrors).toEqual([]);
    expect(plan.rows.map((r) => [r.row, r.title, r.description, r.members, r.errors])).toEqual([
      [1, "Customer Success", "Support, onboarding and renewals", ["alice@acme.example", "bob@acme.example"], []],
      [2, "Research", "", [], []],
    ]);
    expect(planIsReady(plan)).toBe(true);
  });

  it("takes the columns in any order, only title being required", () => {
    const plan = planBulkProvision("Members,TITLE\r\nann@x.example,Ops\r\n");
    expect(plan.rows).toMatchObject([{ title: "Ops", description: "", members: ["ann@x.example"], errors: [] }]);
  });

  it("requires the header row", () => {
    expect(planBulkProvision("Sales,team\n").fileErrors[0]).toMatch(/header row: title,description,members/);
  });

  it("names unknown and repeated columns", () => {
    expect(planBulkProvision("title,owner\nA,b\n").fileErrors).toEqual([expect.stringMatching(/Unknown column “owner”/)]);
    expect(planBulkProvision("title,title\nA,B\n").fileErrors).toEqual([expect.stringMatching(/appears twice/)]);
  });

  it("gives each bad row its own errors: empty, duplicate (any case), too long, bad email", () => {
    const long = "x".repeat(257);
    const plan = planBulkProvision(
      ["title,description,members", "Alpha,,", " ,,", "ALPHA,,", `${long},,`, "Beta,,not-an-email; ok@x.example", "Gamma,,a@x.example;A@X.example"].join(
        "\n",
      ),
    );
    const errors = plan.rows.map((r) => r.errors);
    expect(errors[0]).toEqual([]);
    expect(errors[1]).toEqual(["Title is required."]);
    expect(errors[2]).toEqual(["Repeats the title of row 1; titles must be unique."]);
    expect(errors[3]).toEqual(["Title is too long: 257 characters, at most 256."]);
    expect(errors[4]).toEqual(["“not-an-email” is not a valid email address."]);
    expect(errors[5]).toEqual(["Lists a@x.example twice."]);
    expect(planIsReady(plan)).toBe(false);
  });

  it("counts title length in characters, not UTF-16 units", () => {
    expect(planBulkProvision(`title\n${"😀".repeat(256)}\n`).rows[0].errors).toEqual([]);
  });

  it("flags a row with more fields than the header (an unquoted comma)", () => {
    const plan = planBulkProvision("title,description\nSales, EMEA,the team,extra\n");
    expect(plan.rows[0].errors[0]).toMatch(/quote values that contain commas/);
  });

  it("refuses more than 100 rows as a whole", () => {
    const text = ["title", ...Array.from({ length: 101 }, (_, i) => `W${i}`)].join("\n");
    expect(planBulkProvision(text).fileErrors[0]).toMatch(/101 workspaces; at most 100/);
  });

  it("reports an unreadable text", () => {
    expect(planBulkProvision('title\n"open').fileErrors[0]).toMatch(/never closed/);
  });

  it("has nothing to create for an empty text or a header alone", () => {
    expect(planIsReady(planBulkProvision(""))).toBe(false);
    expect(planIsReady(planBulkProvision("title,description,members\n"))).toBe(false);
  });
});

describe("batchCreateBody and rowOfViolation", () => {
  it("builds one request per row, members with the chosen role", () => {
    const { rows } = planBulkProvision("title,description,members\nA,d,a@x.example\nB,,\n");
    expect(batchCreateBody(rows, "workspace-editor")).toEqual({
      requests: [
        { workspace: { title: "A", description: "d" }, members: [{ email: "a@x.example", roles: ["workspace-editor"] }] },
        { workspace: { title: "B", description: "" }, members: [] },
      ],
    });
  });

  it("maps a field violation's request index to the 1-based preview row", () => {
    expect(rowOfViolation("requests[0].workspace.title")).toBe(1);
    expect(rowOfViolation("requests[12].members[3].email")).toBe(13);
    expect(rowOfViolation("template_workspace_id")).toBeUndefined();
  });
});
