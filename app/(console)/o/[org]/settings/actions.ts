"use server";

import { ApiError } from "@/lib/api/errors";
import { parseWith } from "@/lib/api/http";
import { orgAction, type ActionResult } from "@/lib/auth/action";
import { addOrganizationMember } from "@/lib/domain/organizations/add-organization-member";
import { removeOrganizationMember } from "@/lib/domain/organizations/remove-organization-member";
import { transferOwnership } from "@/lib/domain/organizations/transfer-ownership";
import { updateOrganization } from "@/lib/domain/organizations/update-organization";
import { updateOrganizationMember } from "@/lib/domain/organizations/update-organization-member";
import { MemberRolesUpdateInput, OrganizationMemberCreateInput, type UserWithRolesOutput } from "@/lib/schemas/members";
import { TransferOwnershipInput, type OrganizationOutput } from "@/lib/schemas/organizations";

function objectBody(input: unknown): Record<string, unknown> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ApiError("INVALID_ARGUMENT", "The request must be an object.", { reason: "MALFORMED_REQUEST" });
  }
  return input as Record<string, unknown>;
}

/** The console's UpdateOrganization: PATCH …/organizations/{org} with an update mask. */
export async function updateOrganizationAction(org: string, body: unknown, updateMask: string): Promise<ActionResult<OrganizationOutput>> {
  return orgAction("update:Organization", org, (ctx, access) => updateOrganization(ctx, access, objectBody(body), updateMask));
}

/** AddOrganizationUser: an existing account, by email. */
export async function addOrganizationMemberAction(org: string, input: unknown): Promise<ActionResult<UserWithRolesOutput>> {
  return orgAction("manage:OrganizationMember", org, (ctx, access) =>
    addOrganizationMember(ctx, access, parseWith(OrganizationMemberCreateInput, input)),
  );
}

/** UpdateOrganizationUser: replaces the member's organization roles. */
export async function updateOrganizationMemberAction(org: string, userId: string, input: unknown): Promise<ActionResult<UserWithRolesOutput>> {
  return orgAction("manage:OrganizationMember", org, (ctx, access) =>
    updateOrganizationMember(ctx, access, String(userId), parseWith(MemberRolesUpdateInput, input)),
  );
}

/** RemoveOrganizationUser: also from every workspace of the organization, with their pending invitations. */
export async function removeOrganizationMemberAction(org: string, userId: string): Promise<ActionResult<null>> {
  return orgAction("manage:OrganizationMember", org, async (ctx, access) => {
    await removeOrganizationMember(ctx, access, String(userId));
    return null;
  });
}

/** :transferOwnership — the domain refuses anyone but the current owner. */
export async function transferOwnershipAction(org: string, input: unknown): Promise<ActionResult<OrganizationOutput>> {
  return orgAction("manage:OrganizationMember", org, (ctx, access) => transferOwnership(ctx, access, parseWith(TransferOwnershipInput, input)));
}
