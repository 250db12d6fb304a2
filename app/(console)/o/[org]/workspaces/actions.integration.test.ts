import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { batchCreateWorkspacesAction, createWorkspaceAction, undeleteWorkspaceAction } from "./actions";
import { deleteWorkspaceAction } from "./[ws]/settings/actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Action Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

describe("createWorkspaceAction", () => {
  it("creates the workspace as CreateWorkspace does, and refuses bad input with the field named", async () => {
    actAs(admin);
    const ok = await createWorkspaceAction(orgId, { title: "  From the console  " });
    expect(ok.ok && ok.data.title).toBe("From the console");
    const bad = await createWorkspaceAction(orgId, { title: "", colour: "red" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe("INVALID_ARGUMENT");
      expect(bad.error.fieldViolations.map((v) => v.field).sort()).toEqual(["colour", "title"]);
      expect(bad.error.requestId).toMatch(/^test_/);
    }
  });

  it("answers UNAUTHENTICATED when the session has ended", async () => {
    actAs(undefined);
    const res = await createWorkspaceAction(orgId, { title: "Nobody" });
    expect(!res.ok && res.error.code).toBe("UNAUTHENTICATED");
  });

  it("treats another organization as not found", async () => {
    const stranger = await makeUser("Stranger");
    actAs(stranger);
    const res = await createWorkspaceAction(orgId, { title: "Intruder" });
    expect(!res.ok && res.error.code).toBe("NOT_FOUND");
  });
});

describe("batchCreateWorkspacesAction", () => {
  // Regression: the console's bulk provisioning parsed template_workspace_id and then dropped it,
  // so workspaces were created without the template's fields while the API route applied them.
  it("fills unset fields from the template workspace", async () => {
    actAs(admin);
    const template = await makeWorkspace(admin, orgId, { title: "Template", description: "from the template", workspace_icon: "rocket" });
    const res = await batchCreateWorkspacesAction(orgId, {
      requests: [{ workspace: { title: "Batch A" } }, { workspace: { title: "Batch B", description: "own" } }],
      template_workspace_id: template.workspace_id,
    });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.data.workspaces.map((w) => [w.title, w.description, w.workspace_icon])).toEqual([
      ["Batch A", "from the template", "rocket"],
      ["Batch B", "own", "rocket"],
    ]);
  });

  it("refuses a template the caller may not clone, creating nothing", async () => {
    const member = await makeUser("Plain Member");
    await addMember(member.id, orgId, ["org-member"]);
    const template = await makeWorkspace(admin, orgId, { title: "Hidden template" });
    actAs(member);
    const res = await batchCreateWorkspacesAction(orgId, { requests: [{ workspace: { title: "Sneaky" } }], template_workspace_id: template.workspace_id });
    expect(!res.ok && res.error.code).toBe("NOT_FOUND");
    expect(await (await db()).workspace.count({ where: { organizationId: orgId, title: "Sneaky" } })).toBe(0);
  });

  it("names the failing row with bracketed field paths", async () => {
    actAs(admin);
    const res = await batchCreateWorkspacesAction(orgId, { requests: [{ workspace: { title: "Fine" } }, { workspace: { title: "" } }] });
    expect(!res.ok && res.error.fieldViolations.map((v) => v.field)).toEqual(["requests[1].workspace.title"]);
  });
});

describe("undeleteWorkspaceAction", () => {
  it("restores a soft-deleted workspace", async () => {
    actAs(admin);
    const ws = await makeWorkspace(admin, orgId);
    expect((await deleteWorkspaceAction(orgId, ws.workspace_id, { etag: ws.etag })).ok).toBe(true);
    const res = await undeleteWorkspaceAction(orgId, ws.workspace_id);
    expect(res.ok && res.data.state).toBe("ACTIVE");
  });
});
