import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import type { OrganizationOutput, TransferOwnershipInput } from "../../schemas/organizations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { lockAsOwner } from "./organization-owner";
import { organizationSelect, toOrganizationOutput } from "./organization-output";
import { organizationUserNotFound } from "./organization-user";

/**
 * POST /organizations/{org}:transferOwnership. Only the owner may hand the organization on, and
 * only to one of its members, who becomes an org admin; the old owner stays an org admin.
 */
export async function transferOwnership(ctx: RequestContext, access: OrgAccess, input: TransferOwnershipInput): Promise<OrganizationOutput> {
  const { organizationId } = access;
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const ownerId = await lockAsOwner(tx, ctx, organizationId, "transfer its ownership");
    const target = looksLikeId(input.user_id, "usr")
      ? await tx.organizationMember.findUnique({
          where: { organizationId_userId: { organizationId, userId: input.user_id } },
          select: { roles: true },
        })
      : null;
    if (!target) throw organizationUserNotFound(organizationId, input.user_id);
    if (input.user_id !== ownerId) {
      if (!target.roles.includes(ORG_ADMIN)) {
        await tx.organizationMember.update({
          where: { organizationId_userId: { organizationId, userId: input.user_id } },
          data: { roles: [...target.roles, ORG_ADMIN] },
        });
      }
      await tx.organization.update({ where: { id: organizationId }, data: { ownerId: input.user_id } });
      await writeAuditEntry(tx, ctx, {
        organizationId,
        action: "organization.transfer_ownership",
        resource: `organizations/${organizationId}`,
        changes: { before: { owner_id: ownerId }, after: { owner_id: input.user_id }, granted_org_admin: !target.roles.includes(ORG_ADMIN) },
      });
    }
    return tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: organizationSelect });
  });
  return toOrganizationOutput(row);
}
