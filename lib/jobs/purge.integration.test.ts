// The job runner's sweeps: a workspace past its purge time goes with its members, roles,
// invitations, preferences and credentials while its audit entries stay; runs on two instances
// at once purge it once; pending invitations past expiry become EXPIRED; re-runs find nothing.

import { beforeAll, describe, expect, it } from "vitest";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { InvitationCreateInput } from "@/lib/schemas/invitations";
import { RoleCreateInput } from "@/lib/schemas/roles";
import { createInvitations } from "@/lib/domain/invitations/create-invitations";
import { createWorkspaceRole } from "@/lib/domain/roles/create-workspace-role";
import { deleteWorkspace } from "@/lib/domain/workspaces/delete-workspace";
import { expireInvitations, purgeWorkspaces } from "./purge";

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Purge Admin");
  orgId = (await makeOrg(admin, "Purge Org")).organization_id;
});

async function populatedWorkspace(): Promise<string> {
  const wsId = (await makeWorkspace(admin, orgId)).workspace_id;
  const member = await makeUser("Purged Member");
  await addMember(member.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
  await createWorkspaceRole(admin.ctx, await authorize(admin.ctx, "create:Role", { organizationId: orgId, workspaceId: wsId }), RoleCreateInput.parse({ title: "Doomed", permissions: ["read:Workspace"] }));
  await createInvitations(admin.ctx, await authorize(admin.ctx, "create:Invitation", { organizationId: orgId, workspaceId: wsId }), InvitationCreateInput.parse({ emails: ["doomed@example.test"], roles: ["workspace-viewer"] }));
  await deleteWorkspace(admin.ctx, await authorize(admin.ctx, "delete:Workspace", { organizationId: orgId, workspaceId: wsId }));
  return wsId;
}

describe("purgeWorkspaces", () => {
  it("purges only workspaces past their purge time, keeps their audit entries, and is idempotent across instances", async () => {
    const prisma = await db();
    const due = await populatedWorkspace();
    const notYet = await populatedWorkspace();
    await prisma.workspace.update({ where: { id: due }, data: { purgeTime: new Date(Date.now() - 1000) } });
    const auditBefore = await prisma.auditLogEntry.count({ where: { workspaceId: due } });
    expect(auditBefore).toBeGreaterThan(0);

    const other = await createPrismaClient(process.env.DATABASE_URL);
    try {
      const [a, b] = await Promise.all([purgeWorkspaces(prisma), purgeWorkspaces(other.prisma)]);
      expect([...a, ...b].filter((id) => id === due)).toEqual([due]);
    } finally {
      await other.close();
    }
    expect(await purgeWorkspaces(prisma)).toEqual([]);

    expect(await prisma.workspace.findUnique({ where: { id: due } })).toBeNull();
    expect(await prisma.workspaceMember.count({ where: { workspaceId: due } })).toBe(0);
    expect(await prisma.role.count({ where: { workspaceId: due } })).toBe(0);
    expect(await prisma.invitation.count({ where: { workspaceId: due } })).toBe(0);
    expect(await prisma.workspacePreferences.count({ where: { workspaceId: due } })).toBe(0);
    expect(await prisma.oAuthCredential.count({ where: { workspaceId: due } })).toBe(0);
    expect(await prisma.auditLogEntry.count({ where: { workspaceId: due } })).toBe(auditBefore + 1);
    expect(await prisma.auditLogEntry.count({ where: { workspaceId: due, action: "workspace.purge", actorType: "SYSTEM" } })).toBe(1);

    expect(await prisma.workspace.findUnique({ where: { id: notYet }, select: { state: true } })).toEqual({ state: "DELETED" });
    expect(await prisma.workspaceMember.count({ where: { workspaceId: notYet } })).toBe(2);
  });
});

describe("expireInvitations", () => {
  it("marks pending invitations past their expiry EXPIRED, once", async () => {
    const prisma = await db();
    const wsId = (await makeWorkspace(admin, orgId)).workspace_id;
    const res = await createInvitations(
      admin.ctx,
      await authorize(admin.ctx, "create:Invitation", { organizationId: orgId, workspaceId: wsId }),
      InvitationCreateInput.parse({ emails: ["old@example.test", "fresh@example.test"], roles: ["workspace-viewer"] }),
    );
    const [old, fresh] = res.invitations.map((i) => i.invitation_id);
    await prisma.invitation.update({ where: { id: old }, data: { expireTime: new Date(Date.now() - 1000) } });
    expect(await expireInvitations(prisma)).toBeGreaterThanOrEqual(1);
    expect(await expireInvitations(prisma)).toBe(0);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: old } })).state).toBe("EXPIRED");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: fresh } })).state).toBe("PENDING");
  });
});
