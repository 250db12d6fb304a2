import "server-only";
import { db } from "../../db";
import { notFound } from "../../api/errors";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { WorkspacePreferencesOutput } from "../../schemas/preferences";
import { UNSET_GENERAL } from "./inheritance";
import { generalSelect, toWorkspacePreferencesOutput, workspacePreferencesSelect, type WorkspacePreferencesRow } from "./preferences-output";

/** A workspace that predates its preferences row reads as "everything inherited". */
export function unsetWorkspacePreferences(): WorkspacePreferencesRow {
  return { ...UNSET_GENERAL, supportTeamAccess: false, supportAccessExpireTime: null, version: 1, updatedAt: new Date(0) };
}

/**
 * Kognitos GetWorkspacePreferences, plus `effective_general`: the workspace's row and its
 * organization's defaults in one query, resolved now (nothing is copied down, so an organization
 * default changed a moment ago is already in effect here).
 */
export async function getWorkspacePreferences(access: WorkspaceAccess, now = new Date()): Promise<WorkspacePreferencesOutput> {
  const prisma = await db();
  const ws = await prisma.workspace.findFirst({
    where: { id: access.workspaceId, organizationId: access.organizationId, deleteTime: null },
    select: {
      preferences: { select: workspacePreferencesSelect },
      organization: { select: { preferences: { select: generalSelect } } },
    },
  });
  if (!ws) {
    throw notFound("Workspace", `organizations/${access.organizationId}/workspaces/${access.workspaceId}`, { workspace_id: access.workspaceId });
  }
  return toWorkspacePreferencesOutput(access, ws.preferences ?? unsetWorkspacePreferences(), ws.organization.preferences, now);
}
