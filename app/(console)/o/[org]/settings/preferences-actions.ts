"use server";

import { parseWith } from "@/lib/api/http";
import { orgAction, type ActionResult } from "@/lib/auth/action";
import { updateOrganizationPreferences } from "@/lib/domain/preferences/update-organization-preferences";
import { OrganizationPreferencesUpdateInput, type OrganizationPreferencesOutput } from "@/lib/schemas/preferences";

/** The console's UpdateOrganizationPreferences: the defaults every workspace inherits. */
export async function updateOrganizationPreferencesAction(org: string, input: unknown, updateMask: string): Promise<ActionResult<OrganizationPreferencesOutput>> {
  return orgAction("update:Organization", org, (ctx, access) =>
    updateOrganizationPreferences(ctx, access, { input: parseWith(OrganizationPreferencesUpdateInput, input), updateMask }),
  );
}
