import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import type { MemberRolesUpdateInput, UserWithRolesOutput } from "../../schemas/members";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { assertCanGrant } from "../roles/grants";
import { assertWorkspacesKeepAdmin, lockWorkspaceMembership, workspaceName } from "./membership-guard";
import { findWorkspaceUser, loadWorkspaceRoles, memberNotFound } from "./workspace-user";

/**
 * PATCH …/workspaces/{ws}/users/{user_id}: replaces the member's workspace roles. Only roles the
 * member does not already hold count as grants; taking away the last workspace-admin is refused.
 */
export async function updateWorkspaceMember(
  ctx: RequestContext,
  access: WorkspaceAccess,
  userId: string,
  input: MemberRolesUpdateInput,
): Promise<UserWithRolesOutput> {
  const { organizationId, workspaceId } = access;
  if (!looksLikeId(userId, "usr")) throw memberNotFound(organizationId, workspaceId, userId);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const member = await tx.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: { roles: true },
    });
    if (!member) throw memberNotFound(organizationId, workspaceId, userId);
    const roles = await loadWorkspaceRoles(tx, workspaceId, input.roles);
    assertCanGrant(access.permissions, roles.filter((r) => !member.roles.includes(r.id)));

    const after = roles.map((r) => r.id);
    const unchanged = after.length === member.roles.length && after.every((id) => member.roles.includes(id));
    if (!unchanged) {
      await tx.workspaceMember.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { roles: after } });
      if (member.roles.includes(WORKSPACE_ADMIN) && !after.includes(WORKSPACE_ADMIN)) {
        await assertWorkspacesKeepAdmin(tx, organizationId, [workspaceId]);
      }
      await writeAuditEntry(tx, ctx, {
        organizationId,
        workspaceId,
        action: "member.update",
        resource: `${workspaceName(organizationId, workspaceId)}/users/${userId}`,
        changes: { before: { roles: member.roles }, after: { roles: after } },
      });
    }
    return (await findWorkspaceUser(tx, organizationId, workspaceId, userId))!;
  });
}
