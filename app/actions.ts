"use server";

// The home page's changes: restoring a deleted organization, and answering the caller's invitations.

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { UndeleteOrganization } from "@/lib/operations/organizations";
import type { OrganizationOutput } from "@/lib/schemas/organizations";

/** UndeleteOrganization: the owner restores a soft-deleted organization before its purge time. */
export async function restoreOrganizationAction(org: string): Promise<ActionOutcome<OrganizationOutput>> {
  return perform(UndeleteOrganization, { organization_id: org });
}
