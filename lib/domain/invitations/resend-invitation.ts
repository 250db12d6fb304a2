import "server-only";
import { db } from "../../db";
import { limitInvitations } from "../../api/rate-limit";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { UserInvitationOutput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { lockWorkspaceMembership } from "../members/membership-guard";
import { loadWorkspaceRoles } from "../members/workspace-user";
import { assertCanGrant } from "../roles/grants";
import { assertEmailsInDomain } from "./create-invitations";
import { invitationNotPending } from "./invitation-errors";
import { effectiveState, invitationName, invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";
import { reissueInvitation } from "./insert-invitation";
import { lockWorkspaceInvitation } from "./lock-invitation";

/**
 * POST …/invites/{id}:resend: a new token and a new expiry, mailed again; the old link is dead at
 * once. A pending or expired invitation can be resent; the resender must be able to grant its
 * roles (resending grants them anew) and its address must still fit the workspace's domain.
 */
export async function resendInvitation(ctx: RequestContext, access: WorkspaceAccess, invitationId: string): Promise<UserInvitationOutput> {
  const { organizationId, workspaceId } = access;
  // A resend mails the address again: it counts like a new invitation.
  await limitInvitations(ctx.ip, organizationId, 1);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const inv = await lockWorkspaceInvitation(tx, organizationId, workspaceId, invitationId);
    const state = effectiveState({ state: inv.state, expireTime: inv.expire_time });
    if (state !== "PENDING" && state !== "EXPIRED") throw invitationNotPending(state, inv.id);
    const ws = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { title: true, domain: true, organization: { select: { title: true } } },
    });
    assertEmailsInDomain([inv.email], ws.domain, "email");
    const roles = await loadWorkspaceRoles(tx, workspaceId, inv.roles);
    assertCanGrant(access.permissions, roles);
    const issued = await reissueInvitation(tx, ctx, inv.id, {
      organizationId,
      workspaceId,
      email: inv.email,
      roles: inv.roles,
      organizationTitle: ws.organization.title,
      workspaceTitle: ws.title,
    });
    await writeAuditEntry(tx, ctx, {
      organizationId,
      workspaceId,
      action: "invitation.resend",
      resource: invitationName(organizationId, workspaceId, inv.id),
      changes: { email: inv.email, after: { expire_time: issued.expireTime.toISOString() } },
    });
    const row = (await tx.invitation.findUniqueOrThrow({ where: { id: inv.id }, select: invitationSelect })) as InvitationRow;
    return toInvitationOutput(row);
  });
}
