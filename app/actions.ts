"use server";

// The home page's changes: restoring a deleted organization, and answering the caller's invitations.

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { AcceptMyInvitation, DeclineInvitation } from "@/lib/operations/invitations";
import { UndeleteOrganization } from "@/lib/operations/organizations";
import type { AcceptInvitationOutput, UserInvitationOutput } from "@/lib/schemas/invitations";
import type { OrganizationOutput } from "@/lib/schemas/organizations";

/** UndeleteOrganization: the owner restores a soft-deleted organization before its purge time. */
export async function restoreOrganizationAction(org: string): Promise<ActionOutcome<OrganizationOutput>> {
  return perform(UndeleteOrganization, { organization_id: org });
}

/** AcceptCurrentUserInvitation: join from the own list (the server requires a verified, matching email). */
export async function acceptMyInvitationAction(invitation: string): Promise<ActionOutcome<AcceptInvitationOutput>> {
  return perform(AcceptMyInvitation, { invitation_id: invitation });
}

/** DeclineInvitation: the invitee says no. */
export async function declineMyInvitationAction(invitation: string): Promise<ActionOutcome<UserInvitationOutput>> {
  return perform(DeclineInvitation, { invitation_id: invitation });
}
