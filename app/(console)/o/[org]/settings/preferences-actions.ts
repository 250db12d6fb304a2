"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { UpdateOrganizationPreferences } from "@/lib/operations/preferences";
import type { OrganizationPreferencesOutput } from "@/lib/schemas/preferences";

/** UpdateOrganizationPreferences from the organization's settings: the defaults every workspace inherits. */
export async function updateOrganizationPreferencesAction(org: string, input: unknown, updateMask: string): Promise<ActionOutcome<OrganizationPreferencesOutput>> {
  return perform(UpdateOrganizationPreferences, { organization_id: org }, { body: input, query: { update_mask: updateMask } });
}
