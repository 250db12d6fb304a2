"use server";

// The invitation page's actions. The token in the link is what they act on; accepting and
// declining need the signed-in invitee, signing up needs nobody (and joins through the token).

import { publicAction, userAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { AcceptInvitation, DeclineInvitation } from "@/lib/operations/invitations";
import { previewInvitation } from "@/lib/domain/invitations/preview-invitation";
import { signUp } from "@/lib/domain/users/sign-up";

const text = (v: unknown) => (typeof v === "string" ? v : "");

export async function acceptInvitationAction(input: { token?: unknown }): Promise<ActionOutcome<{ organizationId: string; workspaceId: string }>> {
  const res = await perform(AcceptInvitation, {}, { body: { token: text(input?.token) } });
  return res.ok ? { ok: true, data: { organizationId: res.data.organization_id, workspaceId: res.data.workspace_id } } : res;
}

export async function declineInvitationAction(input: { token?: unknown }): Promise<ActionOutcome<{ declined: true }>> {
  // The link names the invitation; DeclineInvitation checks it is the caller's.
  const preview = await userAction(() => previewInvitation(text(input?.token)));
  if (!preview.ok) return preview;
  const res = await perform(DeclineInvitation, { invitation_id: preview.data.invitation_id });
  return res.ok ? { ok: true, data: { declined: true as const } } : res;
}

/** Creates the invitee's account with the invited address and joins the workspace in one go. */
export async function signUpWithInvitationAction(input: { token?: unknown; name?: unknown; password?: unknown }): Promise<ActionOutcome<{ email: string; organizationId: string; workspaceId: string }>> {
  return publicAction(async (meta) => {
    const token = text(input?.token);
    const preview = await previewInvitation(token);
    const created = await signUp({ email: preview.email, display_name: text(input?.name), password: text(input?.password), invitationToken: token }, meta);
    return { email: preview.email, organizationId: created.organizationId ?? "", workspaceId: created.workspaceId ?? "" };
  });
}
