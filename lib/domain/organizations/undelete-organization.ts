import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { OrganizationOutput } from "../../schemas/organizations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { organizationName, organizationNotFound } from "./delete-organization";
import { lockAsOwner } from "./organization-owner";
import { organizationSelect, toOrganizationOutput } from "./organization-output";

/**
 * POST /organizations/{org}:undelete: the owner restores a soft-deleted organization before its
 * purge time, with everything in it as it was. Past the purge time it is gone (NOT_FOUND) whether
 * or not the job has run yet.
 */
export async function undeleteOrganization(ctx: RequestContext, access: OrgAccess): Promise<OrganizationOutput> {
  const { organizationId } = access;
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    await lockAsOwner(tx, ctx, organizationId, "restore it");
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { deleteTime: true, purgeTime: true, purgedTime: true } });
    const now = new Date();
    if (before.purgedTime || (before.purgeTime && before.purgeTime <= now)) throw organizationNotFound(organizationId);
    if (!before.deleteTime) {
      throw new ApiError("FAILED_PRECONDITION", `Organization ${organizationName(organizationId)} is not deleted.`, {
        reason: "ORGANIZATION_NOT_DELETED",
        metadata: { organization_id: organizationId },
      });
    }
    const after = await tx.organization.update({ where: { id: organizationId }, data: { deleteTime: null, purgeTime: null }, select: organizationSelect });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      action: "organization.undelete",
      resource: organizationName(organizationId),
      changes: {
        before: { delete_time: before.deleteTime.toISOString(), purge_time: before.purgeTime?.toISOString() ?? null },
        after: { delete_time: null, purge_time: null },
      },
    });
    return after;
  });
  return toOrganizationOutput(row);
}
