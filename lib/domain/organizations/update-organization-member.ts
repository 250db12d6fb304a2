import "server-only";
import { db } from "../../db";
import { failedPrecondition } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import type { MemberRolesUpdateInput, UserWithRolesOutput } from "../../schemas/members";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { assertWorkspacesKeepAdmin, lockOrganizationMembership } from "../members/membership-guard";
import { userName } from "../members/user-list";
import { assertCanGrant, resolveOrganizationRoles } from "../roles/grants";
import { findOrganizationUser, organizationUserNotFound } from "./organization-user";

/** PATCH /organizations/{org}/users/{user_id}: replaces the member's organization roles. */
export async function updateOrganizationMember(
  ctx: RequestContext,
  access: OrgAccess,
  userId: string,
  input: MemberRolesUpdateInput,
): Promise<UserWithRolesOutput> {
  const { organizationId } = access;
  if (!looksLikeId(userId, "usr")) throw organizationUserNotFound(organizationId, userId);
  const roles = resolveOrganizationRoles(input.roles);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { ownerId } = await lockOrganizationMembership(tx, organizationId);
    const member = await tx.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId, userId } },
      select: { roles: true },
    });
    if (!member) throw organizationUserNotFound(organizationId, userId);
    assertCanGrant(access.permissions, roles.filter((r) => !member.roles.includes(r.id)));
    const after = roles.map((r) => r.id);
    const losesAdmin = member.roles.includes(ORG_ADMIN) && !after.includes(ORG_ADMIN);
    if (losesAdmin && userId === ownerId) {
      throw failedPrecondition("ORGANIZATION_OWNER", `The owner of organizations/${organizationId} keeps the org-admin role; transfer ownership first.`, {
        user_id: userId,
      });
    }
    const unchanged = after.length === member.roles.length && after.every((id) => member.roles.includes(id));
    if (!unchanged) {
      await tx.organizationMember.update({ where: { organizationId_userId: { organizationId, userId } }, data: { roles: after } });
      if (losesAdmin) await assertWorkspacesKeepAdmin(tx, organizationId, "all");
      await writeAuditEntry(tx, ctx, {
        organizationId,
        action: "organization.member_update",
        resource: userName(organizationId, userId),
        changes: { before: { roles: member.roles }, after: { roles: after } },
      });
    }
    return (await findOrganizationUser(tx, organizationId, userId))!;
  });
}
