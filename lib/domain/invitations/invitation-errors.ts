// The named refusals of the invitation state machine: each says which rule refused, and the
// console's /invite page picks its wording by the reason.

import { ApiError, notFound } from "../../api/errors";
import type { InvitationStateName } from "../../schemas/invitations";
import { invitationName } from "./invitation-output";

export function invitationNotFound(organizationId: string, workspaceId: string | null, id: string): ApiError {
  return notFound("Invitation", invitationName(organizationId, workspaceId, id), { invitation_id: id });
}

/** An unknown token, or one replaced by a resend: the link is dead. */
export function invitationLinkInvalid(): ApiError {
  return new ApiError("NOT_FOUND", "This invitation link is not valid: it may have been replaced by a newer invitation.", {
    reason: "INVITATION_LINK_INVALID",
  });
}

const STATE_REASON: Record<Exclude<InvitationStateName, "PENDING">, { reason: string; words: string }> = {
  ACCEPTED: { reason: "INVITATION_USED", words: "has already been accepted; an invitation link works once" },
  REVOKED: { reason: "INVITATION_REVOKED", words: "was revoked" },
  EXPIRED: { reason: "INVITATION_EXPIRED", words: "has expired; ask for a new one" },
  DECLINED: { reason: "INVITATION_DECLINED", words: "was declined" },
};

/** FAILED_PRECONDITION for an invitation that is no longer pending. */
export function invitationNotPending(state: Exclude<InvitationStateName, "PENDING">, id: string): ApiError {
  const { reason, words } = STATE_REASON[state];
  return new ApiError("FAILED_PRECONDITION", `The invitation ${words}.`, { reason, metadata: { invitation_id: id, state } });
}

export function invitationWrongAccount(id: string): ApiError {
  return new ApiError(
    "FAILED_PRECONDITION",
    "This invitation was sent to another email address: sign in with the invited address to accept it.",
    { reason: "INVITATION_WRONG_ACCOUNT", metadata: { invitation_id: id } },
  );
}

export function invitationWorkspaceNotActive(id: string, state: string): ApiError {
  return new ApiError("FAILED_PRECONDITION", `The workspace of this invitation is ${state.toLowerCase()}; the invitation cannot be accepted now.`, {
    reason: "INVITATION_WORKSPACE_NOT_ACTIVE",
    metadata: { invitation_id: id, state },
  });
}

/** An invitation that is not the caller's (or does not exist): absent from their own list. */
export function myInvitationNotFound(id: string): ApiError {
  return new ApiError("NOT_FOUND", `Invitation ${id} was not found among your invitations.`, {
    reason: "INVITATION_NOT_FOUND",
    metadata: { invitation_id: id },
  });
}

/** Accepting without a link needs the address proved first: the account's email is not verified. */
export function emailNotVerified(id: string): ApiError {
  return new ApiError("FAILED_PRECONDITION", "Verify your email address to accept this invitation: open the link we mailed you, or accept from the invitation mail.", {
    reason: "EMAIL_NOT_VERIFIED",
    metadata: { invitation_id: id },
  });
}
