import "server-only";
import { db } from "../../db";
import type { InvitationPreviewOutput } from "../../schemas/invitations";
import { hashInvitationToken, roleTitles } from "./insert-invitation";
import { invitationLinkInvalid } from "./invitation-errors";
import { effectiveState, invitationSummarySelect } from "./invitation-output";

/**
 * What `/invite/{token}` shows to the holder of the link, signed in or not. The token is the
 * credential: an unknown or replaced one is NOT_FOUND, whatever else exists.
 */
export async function previewInvitation(token: string): Promise<InvitationPreviewOutput> {
  if (!token || token.length > 512) throw invitationLinkInvalid();
  const prisma = await db();
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: { ...invitationSummarySelect, inviter: { select: { displayName: true } } },
  });
  // A deleted organization's links are dead, as if they never existed.
  if (!inv || inv.organization.deleteTime) throw invitationLinkInvalid();
  const titles = await roleTitles(prisma, inv.workspaceId, inv.roles);
  return {
    invitation_id: inv.id,
    state: effectiveState(inv),
    email: inv.email,
    organization_display_name: inv.organization.title,
    workspace_display_name: inv.workspace?.title ?? "",
    workspace_active: !inv.workspace || (inv.workspace.state === "ACTIVE" && !inv.workspace.deleteTime),
    inviter_display_name: inv.inviter?.displayName ?? "",
    role_titles: inv.roles.map((r) => titles.get(r) ?? r),
    expire_time: inv.expireTime.toISOString(),
  };
}
