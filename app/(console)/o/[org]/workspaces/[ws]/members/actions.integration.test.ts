import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { addMemberAction, removeMemberAction, updateMemberRolesAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Members Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

async function rolesOf(workspaceId: string, userId: string) {
  const row = await (await db()).workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { roles: true } });
  return row?.roles;
}

describe("member actions", () => {
  it("adds an organization member, changes their roles and removes them", async () => {
    const ws = await makeWorkspace(admin, orgId);
    const bob = await makeUser("Bob");
    await addMember(bob.id, orgId, ["org-member"]);
    actAs(admin);
    const added = await addMemberAction(orgId, ws.workspace_id, { email: bob.email, roles: ["workspace-viewer"] });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    expect(await rolesOf(ws.workspace_id, bob.id)).toEqual(["workspace-viewer"]);
    const changed = await updateMemberRolesAction(orgId, ws.workspace_id, bob.id, { roles: ["workspace-editor"] });
    expect(changed.ok && changed.data.roles).toEqual([{ name: "workspace-editor", role_scope: "ROLE_SCOPE_WORKSPACE" }]);
    expect((await removeMemberAction(orgId, ws.workspace_id, bob.id)).ok).toBe(true);
    expect(await rolesOf(ws.workspace_id, bob.id)).toBeUndefined();
  });

  it("refuses unknown fields in a role change", async () => {
    const ws = await makeWorkspace(admin, orgId);
    actAs(admin);
    const res = await updateMemberRolesAction(orgId, ws.workspace_id, admin.id, { roles: ["workspace-admin"], note: "x" });
    expect(!res.ok && res.error.fieldViolations.map((v) => v.field)).toEqual(["note"]);
  });

  it("lets a viewer leave but not remove anyone else", async () => {
    const ws = await makeWorkspace(admin, orgId);
    const viewer = await makeUser("Leaving Viewer");
    await addMember(viewer.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-viewer"] });
    actAs(viewer);
    const other = await removeMemberAction(orgId, ws.workspace_id, admin.id);
    expect(!other.ok && other.error.code).toBe("PERMISSION_DENIED");
    expect((await removeMemberAction(orgId, ws.workspace_id, viewer.id)).ok).toBe(true);
    expect(await rolesOf(ws.workspace_id, viewer.id)).toBeUndefined();
  });
});
