// The job runner's sweeps: a workspace past its purge time goes with its members, roles,
// invitations, preferences and credentials while its audit entries stay; runs on two instances
// at once purge it once; pending invitations past expiry become EXPIRED; re-runs find nothing.

import { beforeAll, describe, expect, it } from "vitest";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { InvitationCreateInput } from "@/lib/schemas/invitations";
import { RoleCreateInput } from "@/lib/schemas/roles";
import { createInvitations } from "@/lib/domain/invitations/create-invitations";
import { createWorkspaceRole } from "@/lib/domain/roles/create-workspace-role";
import { deleteWorkspace } from "@/lib/domain/workspaces/delete-workspace";
import { deleteOrganization } from "@/lib/domain/organizations/delete-organization";
import { undeleteOrganization } from "@/lib/domain/organizations/undelete-organization";
import { expireInvitations, purgeOrganizations, purgeWorkspaces } from "./purge";

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

/** An organization holding one of everything a purge must remove, soft-deleted by its owner. */
async function populatedDeletedOrganization() {
  const owner = await makeUser("Org Purge Owner");
  const id = (await makeOrg(owner, "Purged Org")).organization_id;
  const wsId = (await makeWorkspace(owner, id)).workspace_id;
  const member = await makeUser("Org Purge Member");
  await addMember(member.id, id, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
  await createWorkspaceRole(owner.ctx, await authorize(owner.ctx, "create:Role", { organizationId: id, workspaceId: wsId }), RoleCreateInput.parse({ title: "Gone", permissions: ["read:Workspace"] }));
  await createInvitations(owner.ctx, await authorize(owner.ctx, "create:Invitation", { organizationId: id, workspaceId: wsId }), InvitationCreateInput.parse({ emails: ["gone@example.test"], roles: ["workspace-viewer"] }));
  const prisma = await db();
  await prisma.oAuthCredential.create({
    data: { id: `cred_${wsId.slice(3)}`, organizationId: id, workspaceId: wsId, name: "c", actorType: "USER", configEncrypted: "x", keyId: "k", configMasked: {} },
  });
  await makeToken(member, { organizationId: id });
  const unscoped = await makeToken(member);
  await deleteOrganization(owner.ctx, await authorize(owner.ctx, "update:Organization", { organizationId: id }));
  return { owner, id, wsId, member, unscoped };
}

describe("purgeOrganizations", () => {
  it("removes everything a purged organization held but its audit entries, once across instances, and the owner cannot restore it", async () => {
    const prisma = await db();
    const due = await populatedDeletedOrganization();
    const notYet = await populatedDeletedOrganization();
    await prisma.organization.update({ where: { id: due.id }, data: { purgeTime: new Date(Date.now() - 1000) } });
    const auditBefore = await prisma.auditLogEntry.count({ where: { organizationId: due.id } });
    expect(auditBefore).toBeGreaterThan(3);
    expect(await prisma.outboxMail.count({ where: { organizationId: due.id } })).toBe(1);

    const other = await createPrismaClient(process.env.DATABASE_URL);
    try {
      const [a, b] = await Promise.all([purgeOrganizations(prisma), purgeOrganizations(other.prisma)]);
      expect([...a, ...b].filter((id) => id === due.id)).toEqual([due.id]);
    } finally {
      await other.close();
    }
    expect(await purgeOrganizations(prisma)).toEqual([]);

    const counts = async (orgId: string, wsId: string) => [
      await prisma.workspace.count({ where: { organizationId: orgId } }),
      await prisma.workspaceMember.count({ where: { workspaceId: wsId } }),
      await prisma.role.count({ where: { workspaceId: wsId } }),
      await prisma.invitation.count({ where: { organizationId: orgId } }),
      await prisma.workspacePreferences.count({ where: { workspaceId: wsId } }),
      await prisma.oAuthCredential.count({ where: { organizationId: orgId } }),
      await prisma.organizationMember.count({ where: { organizationId: orgId } }),
      await prisma.organizationPreferences.count({ where: { organizationId: orgId } }),
      await prisma.personalAccessToken.count({ where: { organizationId: orgId } }),
      await prisma.outboxMail.count({ where: { organizationId: orgId } }),
    ];
    expect(await counts(due.id, due.wsId)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // The member's own account and their token for every organization stay.
    expect(await prisma.user.count({ where: { id: due.member.id } })).toBe(1);
    expect(await prisma.personalAccessToken.count({ where: { userId: due.member.id, organizationId: null } })).toBe(1);
    expect(await prisma.auditLogEntry.count({ where: { organizationId: due.id } })).toBe(auditBefore + 1);
    expect(await prisma.auditLogEntry.count({ where: { organizationId: due.id, action: "organization.purge", actorType: "SYSTEM" } })).toBe(1);
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ purgedTime: expect.any(Date) });

    // Not a member any more: the owner's restore finds nothing; the domain call refuses too.
    await expect(authorize(due.owner.ctx, "update:Organization", { organizationId: due.id, includeDeletedOrganization: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await prisma.organizationMember.create({ data: { organizationId: due.id, userId: due.owner.id, roles: ["org-admin"] } });
    const access = await authorize(due.owner.ctx, "update:Organization", { organizationId: due.id, includeDeletedOrganization: true });
    await expect(undeleteOrganization(due.owner.ctx, access)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // One not yet due keeps everything.
    expect(await counts(notYet.id, notYet.wsId)).toEqual([1, 2, 1, 1, 1, 1, 2, 1, 1, 1]);
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
