import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMember, makeOrg, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createWorkspaceRole } from "./create-workspace-role";
import { countRoleHolders } from "./count-role-holders";
import { deleteWorkspaceRole } from "./delete-workspace-role";

async function invite(orgId: string, wsId: string | null, roles: string[], state: "PENDING" | "REVOKED" = "PENDING") {
  await (await db()).invitation.create({
    data: {
      id: newId("inv"),
      organizationId: orgId,
      workspaceId: wsId,
      email: `inv.${randomBytes(4).toString("hex")}@example.test`,
      roles,
      state,
      tokenHash: randomBytes(32).toString("hex"),
      expireTime: new Date(Date.now() + 86_400_000),
    },
  });
}

describe("countRoleHolders", () => {
  it("counts the members and pending invitations of this workspace holding each role, as the delete check does", async () => {
    const owner = await makeUser("Counting Owner");
    const orgId = (await makeOrg(owner)).organization_id;
    const wsId = (await makeWorkspace(owner, orgId)).workspace_id;
    const otherWs = (await makeWorkspace(owner, orgId)).workspace_id;
    const access = await authorize(owner.ctx, "create:Role", { organizationId: orgId, workspaceId: wsId });
    const role = await createWorkspaceRole(owner.ctx, access, { title: "Counted", description: "", permissions: ["read:Workspace"] });
    const unused = await createWorkspaceRole(owner.ctx, access, { title: "Unused", description: "", permissions: ["read:Workspace"] });

    for (const roles of [[role.role_id], [role.role_id, "workspace-viewer"], ["workspace-viewer"]]) {
      const u = await makeUser("Holder");
      await addMember(u.id, orgId, ["org-member"], { id: wsId, roles });
    }
    // Only this workspace's pending invitations count: not revoked ones, not another workspace's.
    await invite(orgId, wsId, [role.role_id]);
    await invite(orgId, wsId, [role.role_id], "REVOKED");
    await invite(orgId, otherWs, ["workspace-viewer"]);
    const elsewhere = await makeUser("Elsewhere");
    await addMember(elsewhere.id, orgId, ["org-member"], { id: otherWs, roles: ["workspace-viewer"] });

    const counts = await countRoleHolders(access);
    expect(counts[role.role_id]).toEqual({ members: 2, invitations: 1 });
    expect(counts["workspace-viewer"]).toEqual({ members: 2, invitations: 0 });
    expect(counts["workspace-admin"]).toEqual({ members: 1, invitations: 0 });
    expect(counts[unused.role_id]).toBeUndefined();

    // The delete refuses with the same numbers the count shows, and allows the unused role.
    const del = await authorize(owner.ctx, "delete:Role", { organizationId: orgId, workspaceId: wsId });
    await expect(deleteWorkspaceRole(owner.ctx, del, role.role_id, [])).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      options: { metadata: { member_count: "2", invitation_count: "1" } },
    });
    await deleteWorkspaceRole(owner.ctx, del, unused.role_id, []);
  });

  it("sees nothing of another workspace's roles", async () => {
    const owner = await makeUser("Other Owner");
    const orgId = (await makeOrg(owner)).organization_id;
    const wsId = (await makeWorkspace(owner, orgId)).workspace_id;
    const access = await authorize(owner.ctx, "read:Role", { organizationId: orgId, workspaceId: wsId });
    expect(await countRoleHolders(access)).toEqual({ "workspace-admin": { members: 1, invitations: 0 } });
  });
});
