import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { looksLikeId } from "../../ids";
import { Prisma } from "../../generated/prisma/client";
import { normalizeEmail } from "../../schemas/common";
import type { UserInvitationOutput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { invitationNotPending, myInvitationNotFound } from "./invitation-errors";
import { effectiveState, invitationName, invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";
import type { LockedInvitation } from "./lock-invitation";
import { authorizeAccount } from "../../auth/authorize";

/** POST /me/invitations/{id}:decline: only the invitee (by email) can decline; others get NOT_FOUND. */
export async function declineInvitation(ctx: RequestContext, invitationId: string): Promise<UserInvitationOutput> {
  authorizeAccount(ctx, "decline:Invitation");
  if (!looksLikeId(invitationId, "inv")) throw myInvitationNotFound(invitationId);
  const email = normalizeEmail(ctx.caller.email);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [inv] = await tx.$queryRaw<LockedInvitation[]>(Prisma.sql`
      SELECT id, organization_id, workspace_id, email, roles, state::text AS state, expire_time
        FROM invitations WHERE id = ${invitationId} AND email = ${email}
         AND organization_id IN (SELECT id FROM organizations WHERE delete_time IS NULL) FOR UPDATE`);
    if (!inv) throw myInvitationNotFound(invitationId);
    const state = effectiveState({ state: inv.state, expireTime: inv.expire_time });
    if (state !== "PENDING") throw invitationNotPending(state, inv.id);
    const row = (await tx.invitation.update({
      where: { id: inv.id },
      data: { state: "DECLINED", declineTime: new Date() },
      select: invitationSelect,
    })) as InvitationRow;
    await writeAuditEntry(tx, ctx, {
      organizationId: inv.organization_id,
      workspaceId: inv.workspace_id,
      action: "invitation.decline",
      resource: invitationName(inv.organization_id, inv.workspace_id, inv.id),
      changes: { before: { state: "PENDING" }, after: { state: "DECLINED" }, email: inv.email },
    });
    return toInvitationOutput(row);
  });
}
