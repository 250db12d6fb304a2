// Changes only the organization's owner may make (transfer ownership, delete, restore). The owner
// is read under the organization row lock, so a concurrent transfer cannot slip between check and change.

import "server-only";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { Tx } from "../../prisma-client";
import { lockOrganizationMembership } from "../members/membership-guard";

export function notOrganizationOwner(organizationId: string, what: string): ApiError {
  return new ApiError("PERMISSION_DENIED", `Only the owner of organizations/${organizationId} can ${what}.`, {
    reason: "NOT_ORGANIZATION_OWNER",
    metadata: { organization_id: organizationId },
  });
}

/** Locks the organization row and refuses anyone but its owner; returns the owner's id. */
export async function lockAsOwner(tx: Tx, ctx: RequestContext, organizationId: string, what: string): Promise<string> {
  const { ownerId } = await lockOrganizationMembership(tx, organizationId);
  if (ownerId !== ctx.caller.userId) throw notOrganizationOwner(organizationId, what);
  return ownerId;
}
