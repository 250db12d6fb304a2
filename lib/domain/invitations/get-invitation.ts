import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { authorize, loadOrgAccess } from "../../auth/authorize";
import { looksLikeId } from "../../ids";
import { normalizeEmail } from "../../schemas/common";
import type { GetInvitationOutput } from "../../schemas/invitations";
import { invitationNotFound } from "./invitation-errors";
import { effectiveState, invitationSummarySelect } from "./invitation-output";

/**
 * Kognitos GetInvitation, `GET /organizations/{org}/invitations/{id}`: for the invitee (by email,
 * before they belong to the organization) and for whoever may read the workspace's invitations.
 * Anyone else gets the NOT_FOUND an unknown id gets.
 */
export async function getInvitation(ctx: RequestContext, organizationId: string, invitationId: string): Promise<GetInvitationOutput> {
  const prisma = await db();
  const inv = looksLikeId(invitationId, "inv")
    ? await prisma.invitation.findFirst({
        where: { id: invitationId, organizationId },
        select: invitationSummarySelect,
      })
    : null;
  if (!inv || inv.workspace?.deleteTime || inv.organization.deleteTime) {
    await loadOrgAccess(ctx, organizationId);
    throw invitationNotFound(organizationId, null, invitationId);
  }
  if (normalizeEmail(inv.email) !== normalizeEmail(ctx.caller.email)) {
    await authorize(ctx, "read:Invitation", inv.workspaceId ? { organizationId, workspaceId: inv.workspaceId } : { organizationId });
  }
  return {
    name: `organizations/${organizationId}/invitations/${inv.id}`,
    organization_display_name: inv.organization.title,
    workspace_id: inv.workspaceId ?? "",
    workspace_display_name: inv.workspace?.title ?? "",
    roles: inv.roles,
    is_accepted: effectiveState(inv) === "ACCEPTED",
    redirect_organization_id: organizationId,
    redirect_workspace_id: inv.workspaceId ?? "",
  };
}
