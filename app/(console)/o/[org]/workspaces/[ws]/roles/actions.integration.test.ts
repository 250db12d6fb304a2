import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { createRoleAction, deleteRoleAction, roleHoldersAction, updateRoleAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Roles Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

describe("role actions", () => {
  it("creates a custom role, updates it with its etag and refuses the stale etag after", async () => {
    const ws = await makeWorkspace(admin, orgId);
    actAs(admin);
    const created = await createRoleAction(orgId, ws.workspace_id, { title: "Auditor", permissions: ["read:Workspace"] });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const updated = await updateRoleAction(orgId, ws.workspace_id, created.data.role_id, { permissions: ["read:Workspace", "read:Member"] }, created.data.etag);
    expect(updated.ok && updated.data.permissions).toEqual(["read:Workspace", "read:Member"]);
    const stale = await updateRoleAction(orgId, ws.workspace_id, created.data.role_id, { title: "Late" }, created.data.etag);
    expect(!stale.ok && stale.error.code).toBe("ABORTED");
  });

  it("counts holders and refuses to delete a role while it is assigned", async () => {
    const ws = await makeWorkspace(admin, orgId);
    actAs(admin);
    const role = await createRoleAction(orgId, ws.workspace_id, { title: "Held", permissions: ["read:Workspace"] });
    if (!role.ok) throw new Error(JSON.stringify(role));
    const holder = await makeUser("Holder");
    await addMember(holder.id, orgId, ["org-member"], { id: ws.workspace_id, roles: [role.data.role_id] });
    const counts = await roleHoldersAction(orgId, ws.workspace_id);
    expect(counts.ok && counts.data[role.data.role_id]).toEqual({ members: 1, invitations: 0 });
    const refused = await deleteRoleAction(orgId, ws.workspace_id, role.data.role_id, role.data.etag);
    expect(!refused.ok && refused.error.code).toBe("FAILED_PRECONDITION");
  });

  it("refuses role creation to an editor, who lacks create:Role", async () => {
    const ws = await makeWorkspace(admin, orgId);
    const editor = await makeUser("Editor");
    await addMember(editor.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
    actAs(editor);
    const res = await createRoleAction(orgId, ws.workspace_id, { title: "Escalate", permissions: ["delete:Workspace"] });
    expect(!res.ok && res.error.code).toBe("PERMISSION_DENIED");
  });
});
