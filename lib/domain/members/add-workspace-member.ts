import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { looksLikeId } from "../../ids";
import type { UserWithRolesOutput, WorkspaceMemberCreateInput } from "../../schemas/members";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { assertCanGrant } from "../roles/grants";
import { lockWorkspaceMembership, workspaceName } from "./membership-guard";
import { findWorkspaceUser, loadWorkspaceRoles } from "./workspace-user";

/**
 * POST …/workspaces/{ws}/users: adds an existing organization member with workspace roles.
 * People outside the organization are invited instead (FAILED_PRECONDITION), whether or not
 * they have an account, so the answer does not reveal which emails are registered.
 */
export async function addWorkspaceMember(
  ctx: RequestContext,
  access: WorkspaceAccess,
  input: WorkspaceMemberCreateInput,
): Promise<UserWithRolesOutput> {
  const { organizationId, workspaceId } = access;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const roles = await loadWorkspaceRoles(tx, workspaceId, input.roles);
    assertCanGrant(access.permissions, roles);

    const who = input.user_id ?? input.email ?? "";
    const user =
      input.user_id !== undefined
        ? looksLikeId(input.user_id, "usr")
          ? await tx.user.findUnique({ where: { id: input.user_id }, select: { id: true, email: true } })
          : null
        : await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    const orgMember = user
      ? await tx.organizationMember.findUnique({ where: { organizationId_userId: { organizationId, userId: user.id } }, select: { userId: true } })
      : null;
    if (!user || !orgMember) {
      throw new ApiError(
        "FAILED_PRECONDITION",
        `${who} is not a member of organization organizations/${organizationId}; invite them to the workspace instead.`,
        { reason: "NOT_ORGANIZATION_MEMBER", metadata: { organization_id: organizationId } },
      );
    }
    const existing = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { userId: true } });
    if (existing) {
      throw new ApiError("ALREADY_EXISTS", `${user.email} is already a member of workspace ${workspaceName(organizationId, workspaceId)}.`, {
        reason: "MEMBER_EXISTS",
        metadata: { user_id: user.id, workspace_id: workspaceId },
      });
    }
    const roleIds = roles.map((r) => r.id);
    await tx.workspaceMember.create({ data: { workspaceId, userId: user.id, roles: roleIds } });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      workspaceId,
      action: "member.add",
      resource: `${workspaceName(organizationId, workspaceId)}/users/${user.id}`,
      changes: { after: { user_id: user.id, email: user.email, roles: roleIds } },
    });
    return (await findWorkspaceUser(tx, organizationId, workspaceId, user.id))!;
  });
}
