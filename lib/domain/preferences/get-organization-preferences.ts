import "server-only";
import { db } from "../../db";
import type { OrgAccess } from "../../auth/authorize";
import type { OrganizationPreferencesOutput } from "../../schemas/preferences";
import { UNSET_GENERAL } from "./inheritance";
import { organizationPreferencesSelect, toOrganizationPreferencesOutput, type OrganizationPreferencesRow } from "./preferences-output";

export function unsetOrganizationPreferences(): OrganizationPreferencesRow {
  return { ...UNSET_GENERAL, membersCanCreateWorkspaces: true, version: 1, updatedAt: new Date(0) };
}

/** The organization's default preferences (what its workspaces inherit), each resolved against the product default. */
export async function getOrganizationPreferences(access: OrgAccess): Promise<OrganizationPreferencesOutput> {
  const prisma = await db();
  const row = await prisma.organizationPreferences.findUnique({
    where: { organizationId: access.organizationId },
    select: organizationPreferencesSelect,
  });
  return toOrganizationPreferencesOutput(access.organizationId, row ?? unsetOrganizationPreferences());
}
