import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { UserInvitationOutput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { lockWorkspaceMembership } from "../members/membership-guard";
import { invitationNotPending } from "./invitation-errors";
import { effectiveState, invitationName, invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";
import { lockWorkspaceInvitation } from "./lock-invitation";

/** DELETE …/invites/{id}: a pending invitation is revoked; its link stops working at once. */
export async function revokeInvitation(ctx: RequestContext, access: WorkspaceAccess, invitationId: string): Promise<UserInvitationOutput> {
  const { organizationId, workspaceId } = access;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockWorkspaceMembership(tx, organizationId, workspaceId);
    const inv = await lockWorkspaceInvitation(tx, organizationId, workspaceId, invitationId);
    const state = effectiveState({ state: inv.state, expireTime: inv.expire_time });
    if (state !== "PENDING") throw invitationNotPending(state, inv.id);
    const row = (await tx.invitation.update({
      where: { id: inv.id },
      data: { state: "REVOKED", revokeTime: new Date() },
      select: invitationSelect,
    })) as InvitationRow;
    await writeAuditEntry(tx, ctx, {
      organizationId,
      workspaceId,
      action: "invitation.revoke",
      resource: invitationName(organizationId, workspaceId, inv.id),
      changes: { before: { state: "PENDING" }, after: { state: "REVOKED" }, email: inv.email },
    });
    return toInvitationOutput(row);
  });
}
