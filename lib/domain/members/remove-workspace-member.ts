import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { assertWorkspacesKeepAdmin, lockWorkspaceMembership, workspaceName } from "./membership-guard";
import { memberNotFound, revokePendingInvitations } from "./workspace-user";

/**
 * DELETE …/workspaces/{ws}/users/{user_id}: removes a direct member (or the caller leaving) and
 * revokes their pending invitations to the workspace. The last workspace admin stays.
 * Whether the caller may remove this member was settled by the route's authorization.
 */
export async function removeWorkspaceMember(ctx: RequestContext, access: WorkspaceAccess, userId: string): Promise<void> {
  const { organizationId, workspaceId } = access;
  if (!looksLikeId(userId, "usr")) throw memberNotFound(organizationId, workspaceId, userId);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const member = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: { roles: true, user: { select: { email: true } } },
    });
    if (!member) throw memberNotFound(organizationId, workspaceId, userId);
    await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (member.roles.includes(WORKSPACE_ADMIN)) await assertWorkspacesKeepAdmin(tx, organizationId, [workspaceId]);
    const revoked = await revokePendingInvitations(tx, { organizationId, workspaceId, email: member.user.email });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      workspaceId,
      action: "member.remove",
      resource: `${workspaceName(organizationId, workspaceId)}/users/${userId}`,
      changes: {
        before: { user_id: userId, email: member.user.email, roles: member.roles },
        left_by_self: userId === ctx.caller.userId,
        revoked_invitation_ids: revoked,
      },
    });
  });
}
