"use server";

import { userAction } from "@/lib/auth/action";
import { authorize } from "@/lib/auth/authorize";
import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { ListOrganizationUserInvites } from "@/lib/operations/invitations";
import { AddOrganizationUser, RemoveOrganizationUser, UpdateOrganizationUser } from "@/lib/operations/members";
import { DeleteOrganization, TransferOwnership, UpdateOrganization } from "@/lib/operations/organizations";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import type { OrganizationOutput } from "@/lib/schemas/organizations";
import { pendingInvitesPage, type PendingInvitesPage } from "./_lib/pending-invites";

/** UpdateOrganization with an update mask. */
export async function updateOrganizationAction(org: string, body: unknown, updateMask: string): Promise<ActionOutcome<OrganizationOutput>> {
  return perform(UpdateOrganization, { organization_id: org }, { body, query: { update_mask: updateMask } });
}

/** AddOrganizationUser: an existing account, by email. */
export async function addOrganizationMemberAction(org: string, input: unknown): Promise<ActionOutcome<UserWithRolesOutput>> {
  return perform(AddOrganizationUser, { organization_id: org }, { body: input });
}

/** UpdateOrganizationUser: replaces the member's organization roles. */
export async function updateOrganizationMemberAction(org: string, userId: string, input: unknown): Promise<ActionOutcome<UserWithRolesOutput>> {
  return perform(UpdateOrganizationUser, { organization_id: org, user_id: userId }, { body: input });
}

/** RemoveOrganizationUser: also from every workspace of the organization, with their pending invitations. */
export async function removeOrganizationMemberAction(org: string, userId: string): Promise<ActionOutcome<null>> {
  return perform(RemoveOrganizationUser, { organization_id: org, user_id: userId });
}

/** DeleteOrganization: owner only (the domain refuses anyone else); restorable for 30 days. */
export async function deleteOrganizationAction(org: string): Promise<ActionOutcome<void>> {
  return perform(DeleteOrganization, { organization_id: org });
}

/** TransferOrganizationOwnership: the domain refuses anyone but the current owner. */
export async function transferOwnershipAction(org: string, input: unknown): Promise<ActionOutcome<OrganizationOutput>> {
  return perform(TransferOwnership, { organization_id: org }, { body: input });
}

/** A page of the organization's pending invitations for its settings (ListOrganizationUserInvites' permission). */
export async function pendingInvitesPageAction(org: string, pageToken: string): Promise<ActionOutcome<PendingInvitesPage>> {
  return userAction(async (ctx) => pendingInvitesPage(ctx, await authorize(ctx, ListOrganizationUserInvites.permission, { organizationId: String(org) }), String(pageToken ?? "")));
}
