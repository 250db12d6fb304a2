"use server";

// The workspace Invites tab: invite, resend, revoke. Each is authorized for its permission by
// workspaceAction; the rules (domain, no escalation, state machine) are the domain's.

import { workspaceAction, type ActionResult } from "@/lib/auth/action";
import { parseWith } from "@/lib/api/http";
import { InvitationCreateInput, type CreateInvitationsOutput, type UserInvitationOutput } from "@/lib/schemas/invitations";
import { createInvitations } from "@/lib/domain/invitations/create-invitations";
import { resendInvitation } from "@/lib/domain/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/domain/invitations/revoke-invitation";

interface Target {
  org: string;
  ws: string;
}

export async function createInvitationsAction(target: Target, input: { emails?: unknown; roles?: unknown }): Promise<ActionResult<CreateInvitationsOutput>> {
  return workspaceAction("create:Invitation", { organizationId: target.org, workspaceId: target.ws }, (ctx, access) =>
    createInvitations(ctx, access, parseWith(InvitationCreateInput, { emails: input?.emails, roles: input?.roles })),
  );
}

export async function resendInvitationAction(target: Target, invitationId: string): Promise<ActionResult<UserInvitationOutput>> {
  return workspaceAction("create:Invitation", { organizationId: target.org, workspaceId: target.ws }, (ctx, access) =>
    resendInvitation(ctx, access, String(invitationId)),
  );
}

export async function revokeInvitationAction(target: Target, invitationId: string): Promise<ActionResult<UserInvitationOutput>> {
  return workspaceAction("delete:Invitation", { organizationId: target.org, workspaceId: target.ws }, (ctx, access) =>
    revokeInvitation(ctx, access, String(invitationId)),
  );
}
