"use server";

// The workspace Invites tab: invite, resend, revoke — the registry's operations, performed for the
// signed-in user through the same pipeline as their REST routes.

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { CreateWorkspaceUserInvites, ResendWorkspaceUserInvite, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";
import type { CreateInvitationsOutput, UserInvitationOutput } from "@/lib/schemas/invitations";

interface Target {
  org: string;
  ws: string;
}

/** CreateWorkspaceUserInvites from the Invite dialog. */
export async function createInvitationsAction(target: Target, input: unknown): Promise<ActionOutcome<CreateInvitationsOutput>> {
  return perform(CreateWorkspaceUserInvites, { organization_id: target.org, workspace_id: target.ws }, { body: input });
}

/** ResendWorkspaceUserInvite: a new link and expiry; the old link dies. */
export async function resendInvitationAction(target: Target, invitationId: string): Promise<ActionOutcome<UserInvitationOutput>> {
  return perform(ResendWorkspaceUserInvite, { organization_id: target.org, workspace_id: target.ws, invitation_id: invitationId });
}

/** RevokeWorkspaceUserInvite. */
export async function revokeInvitationAction(target: Target, invitationId: string): Promise<ActionOutcome<null>> {
  return perform(RevokeWorkspaceUserInvite, { organization_id: target.org, workspace_id: target.ws, invitation_id: invitationId });
}
