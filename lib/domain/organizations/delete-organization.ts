import "server-only";
import { db } from "../../db";
import { notFound } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { cancelMailOfDeletedOrganizations } from "../mail/cancel-mail";
import { PURGE_AFTER_MS } from "../workspaces/delete-workspace";
import { lockAsOwner } from "./organization-owner";

export const organizationName = (id: string) => `organizations/${id}`;

export function organizationNotFound(id: string) {
  return notFound("Organization", organizationName(id), { organization_id: id });
}

/**
 * DELETE /organizations/{org}: the owner soft-deletes the organization (AIP-164). From then on it
 * and everything in it are NOT_FOUND for everyone (authorize hides it), until the owner restores
 * it or, 30 days later, the job runner purges it. Nothing inside is changed, so a restore brings
 * back every workspace, member and invitation as it was — except its queued mail, which is
 * cancelled: a deleted organization sends nothing, and a restore does not send stale links.
 */
export async function deleteOrganization(ctx: RequestContext, access: OrgAccess): Promise<void> {
  const { organizationId } = access;
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await lockAsOwner(tx, ctx, organizationId, "delete it");
    const now = new Date();
    const purgeTime = new Date(now.getTime() + PURGE_AFTER_MS);
    // A concurrent delete got there first: the second one finds it gone, as a second DELETE does.
    const changed = await tx.organization.updateMany({ where: { id: organizationId, deleteTime: null }, data: { deleteTime: now, purgeTime } });
    if (changed.count === 0) throw organizationNotFound(organizationId);
    const cancelledMails = await cancelMailOfDeletedOrganizations(tx, organizationId);
    await writeAuditEntry(tx, ctx, {
      organizationId,
      action: "organization.delete",
      resource: organizationName(organizationId),
      changes: {
        before: { delete_time: null, purge_time: null },
        after: { delete_time: now.toISOString(), purge_time: purgeTime.toISOString() },
        ...(cancelledMails ? { cancelled_mails: cancelledMails } : {}),
      },
    });
  });
}
