import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { InvitationSettingsInput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";

/** The organization's invitation lifetime (1 hour–30 days); existing invitations keep theirs. */
export async function updateInvitationSettings(ctx: RequestContext, access: OrgAccess, input: InvitationSettingsInput): Promise<InvitationSettingsInput> {
  const { organizationId } = access;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { invitationTtlHours: true } });
    await tx.organization.update({ where: { id: organizationId }, data: { invitationTtlHours: input.invitation_ttl_hours } });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      action: "organization.update_invitation_settings",
      resource: `organizations/${organizationId}`,
      changes: { before: { invitation_ttl_hours: before.invitationTtlHours }, after: { invitation_ttl_hours: input.invitation_ttl_hours } },
    });
    return { invitation_ttl_hours: input.invitation_ttl_hours };
  });
}

export async function getInvitationSettings(access: OrgAccess): Promise<InvitationSettingsInput> {
  const prisma = await db();
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: access.organizationId }, select: { invitationTtlHours: true } });
  return { invitation_ttl_hours: org.invitationTtlHours };
}
