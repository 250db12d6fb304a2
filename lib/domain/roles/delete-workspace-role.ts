import "server-only";
import { db } from "../../db";
import { failedPrecondition } from "../../api/errors";
import type { EtagPreconditions } from "../../api/etag";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { BUILT_IN_WORKSPACE_ROLES } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import { lockWorkspaceMembership, workspaceName } from "../members/membership-guard";
import { builtInImmutable, customRoleSelect, roleName, roleNotFound } from "./role-output";
import { assertEtag } from "./role-preconditions";
import { writeRoleAudit, roleAuditFields } from "./role-audit";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * DELETE …/workspaces/{ws}/roles/{role_id}. A role still held by members (or promised by pending
 * invitations) stays. The membership lock keeps an assignment from slipping in between the count
 * and the delete.
 */
export async function deleteWorkspaceRole(
  ctx: RequestContext,
  access: WorkspaceAccess,
  roleId: string,
  preconditions: EtagPreconditions,
): Promise<void> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  if (BUILT_IN_WORKSPACE_ROLES.some((r) => r.id === roleId)) throw builtInImmutable(parent, roleId);
  if (!looksLikeId(roleId, "role")) throw roleNotFound(parent, roleId);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, access.organizationId, access.workspaceId);
    const role = await tx.role.findFirst({ where: { id: roleId, workspaceId: access.workspaceId }, select: customRoleSelect });
    if (!role) throw roleNotFound(parent, roleId);
    assertEtag(preconditions, role.version, roleName(parent, roleId));
    const members = await tx.workspaceMember.count({ where: { workspaceId: access.workspaceId, roles: { has: roleId } } });
    const invitations = await tx.invitation.count({ where: { workspaceId: access.workspaceId, state: "PENDING", roles: { has: roleId } } });
    if (members + invitations > 0) {
      const holders = [members ? plural(members, "member") : "", invitations ? plural(invitations, "pending invitation") : ""].filter(Boolean).join(" and ");
      throw failedPrecondition("ROLE_IN_USE", `Role '${role.title}' is still assigned to ${holders}; assign them other roles first.`, {
        role_id: roleId,
        member_count: String(members),
        invitation_count: String(invitations),
      });
    }
    await tx.role.delete({ where: { id: roleId } });
    await writeRoleAudit(tx, ctx, access, roleId, "role.delete", { before: roleAuditFields(role) });
  });
}
