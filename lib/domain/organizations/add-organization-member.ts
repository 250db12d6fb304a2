import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { OrganizationMemberCreateInput, UserWithRolesOutput } from "../../schemas/members";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { lockOrganizationMembership } from "../members/membership-guard";
import { userName } from "../members/user-list";
import { assertCanGrant, resolveOrganizationRoles } from "../roles/grants";
import { findOrganizationUser } from "./organization-user";

/** POST /organizations/{org}/users: adds a registered user, found by email, with organization roles. */
export async function addOrganizationMember(
  ctx: RequestContext,
  access: OrgAccess,
  input: OrganizationMemberCreateInput,
): Promise<UserWithRolesOutput> {
  const { organizationId } = access;
  const roles = resolveOrganizationRoles(input.roles);
  assertCanGrant(access.permissions, roles);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockOrganizationMembership(tx, organizationId);
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    if (!user) {
      throw new ApiError("FAILED_PRECONDITION", `No account uses ${input.email}; invite them to a workspace instead.`, {
        reason: "USER_NOT_REGISTERED",
      });
    }
    const existing = await tx.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId, userId: user.id } },
      select: { userId: true },
    });
    if (existing) {
      throw new ApiError("ALREADY_EXISTS", `${user.email} is already a member of organizations/${organizationId}.`, {
        reason: "MEMBER_EXISTS",
        metadata: { user_id: user.id, organization_id: organizationId },
      });
    }
    const roleIds = roles.map((r) => r.id);
    await tx.organizationMember.create({ data: { organizationId, userId: user.id, roles: roleIds } });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      action: "organization.member_add",
      resource: userName(organizationId, user.id),
      changes: { after: { user_id: user.id, email: user.email, roles: roleIds } },
    });
    return (await findOrganizationUser(tx, organizationId, user.id))!;
  });
}
