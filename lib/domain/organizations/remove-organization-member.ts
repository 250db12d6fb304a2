import "server-only";
import { db } from "../../db";
import { failedPrecondition } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { ORG_ADMIN, WORKSPACE_ADMIN } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { assertWorkspacesKeepAdmin, lockOrganizationMembership } from "../members/membership-guard";
import { userName } from "../members/user-list";
import { revokePendingInvitations } from "../members/workspace-user";
import { organizationUserNotFound } from "./organization-user";

/**
 * DELETE /organizations/{org}/users/{user_id}: removes the member, their memberships in every
 * workspace of the organization and their pending invitations to it, in one transaction.
 * Offboarding must always be possible, so disabled workspaces do not hold it up.
 */
export async function removeOrganizationMember(ctx: RequestContext, access: OrgAccess, userId: string): Promise<void> {
  const { organizationId } = access;
  if (!looksLikeId(userId, "usr")) throw organizationUserNotFound(organizationId, userId);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const { ownerId } = await lockOrganizationMembership(tx, organizationId);
    const member = await tx.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { roles: true, user: { select: { email: true } } },
    });
    if (!member) throw organizationUserNotFound(organizationId, userId);
    if (userId === ownerId) {
      throw failedPrecondition("ORGANIZATION_OWNER", `The owner of organizations/${organizationId} cannot be removed; transfer ownership first.`, {
        user_id: userId,
      });
    }
    const memberships = await tx.workspaceMember.findMany({
      where: { userId, workspace: { organizationId } },
      select: { workspaceId: true, roles: true },
      orderBy: { workspaceId: "asc" },
    });
    await tx.workspaceMember.deleteMany({ where: { userId, workspace: { organizationId } } });
    await tx.organizationMember.delete({ where: { organizationId_userId: { organizationId, userId } } });
    await assertWorkspacesKeepAdmin(
      tx,
      organizationId,
      member.roles.includes(ORG_ADMIN) ? "all" : memberships.filter((m) => m.roles.includes(WORKSPACE_ADMIN)).map((m) => m.workspaceId),
    );
    const revoked = await revokePendingInvitations(tx, { organizationId, email: member.user.email });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      action: "organization.member_remove",
      resource: userName(organizationId, userId),
      changes: {
        before: { user_id: userId, email: member.user.email, roles: member.roles },
        removed_workspace_memberships: memberships.map((m) => ({ workspace_id: m.workspaceId, roles: m.roles })),
        revoked_invitation_ids: revoked,
      },
    });
  });
}
