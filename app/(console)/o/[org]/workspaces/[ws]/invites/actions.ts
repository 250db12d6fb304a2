"use server";

// The workspace Invites tab: invite, resend, revoke — the registry's operations, performed for the
// signed-in user through the same pipeline as their REST routes.

import type { ActionOutcome } from "@/lib/console/action-result";
import { collectMintedLinks, type MintedLink } from "@/lib/domain/invitations/minted-links";
import { perform } from "@/lib/operations/act";
import { CreateWorkspaceUserInvites, ResendWorkspaceUserInvite, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";
import type { CreateInvitationsOutput, UserInvitationOutput } from "@/lib/schemas/invitations";

interface Target {
  org: string;
  ws: string;
}

/** What the console gets beside the API's answer: the links just minted, shown once for "Copy link". */
export type WithLinks<T> = T & { links: MintedLink[] };

async function withLinks<T>(run: () => Promise<ActionOutcome<T>>): Promise<ActionOutcome<WithLinks<T>>> {
  const { result, links } = await collectMintedLinks(run);
  return result.ok ? { ok: true, data: { ...result.data, links } } : result;
}

/** CreateWorkspaceUserInvites from the Invite dialog, with each new link for the inviter to copy. */
export async function createInvitationsAction(target: Target, input: unknown): Promise<ActionOutcome<WithLinks<CreateInvitationsOutput>>> {
  return withLinks(() => perform(CreateWorkspaceUserInvites, { organization_id: target.org, workspace_id: target.ws }, { body: input }));
}

/** ResendWorkspaceUserInvite: a new link and expiry (the old link dies), the new link to copy. */
export async function resendInvitationAction(target: Target, invitationId: string): Promise<ActionOutcome<WithLinks<UserInvitationOutput>>> {
  return withLinks(() => perform(ResendWorkspaceUserInvite, { organization_id: target.org, workspace_id: target.ws, invitation_id: invitationId }));
}

/** RevokeWorkspaceUserInvite. */
export async function revokeInvitationAction(target: Target, invitationId: string): Promise<ActionOutcome<null>> {
  return perform(RevokeWorkspaceUserInvite, { organization_id: target.org, workspace_id: target.ws, invitation_id: invitationId });
}
