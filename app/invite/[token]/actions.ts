"use server";

// The invitation page's actions. The token in the link is what they act on; accepting and
// declining need the signed-in invitee, signing up needs nobody (and joins through the token).

import { publicAction, userAction, type ActionResult } from "@/lib/auth/action";
import { parseWith } from "@/lib/api/http";
import { InvitationAcceptInput } from "@/lib/schemas/invitations";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";
import { declineInvitation } from "@/lib/domain/invitations/decline-invitation";
import { previewInvitation } from "@/lib/domain/invitations/preview-invitation";
import { signUp } from "@/lib/domain/users/sign-up";

const text = (v: unknown) => (typeof v === "string" ? v : "");

export async function acceptInvitationAction(input: { token?: unknown }): Promise<ActionResult<{ organizationId: string; workspaceId: string }>> {
  return userAction(async (ctx) => {
    const res = await acceptInvitation(ctx, parseWith(InvitationAcceptInput, { token: text(input?.token) }));
    return { organizationId: res.organization_id, workspaceId: res.workspace_id };
  });
}

export async function declineInvitationAction(input: { token?: unknown }): Promise<ActionResult<{ declined: true }>> {
  return userAction(async (ctx) => {
    const preview = await previewInvitation(text(input?.token));
    await declineInvitation(ctx, preview.invitation_id);
    return { declined: true as const };
  });
}

/** Creates the invitee's account with the invited address and joins the workspace in one go. */
export async function signUpWithInvitationAction(input: { token?: unknown; name?: unknown; password?: unknown }): Promise<ActionResult<{ email: string; organizationId: string; workspaceId: string }>> {
  return publicAction(async (meta) => {
    const token = text(input?.token);
    const preview = await previewInvitation(token);
    const created = await signUp({ email: preview.email, display_name: text(input?.name), password: text(input?.password), invitationToken: token }, meta);
    return { email: preview.email, organizationId: created.organizationId ?? "", workspaceId: created.workspaceId ?? "" };
  });
}
