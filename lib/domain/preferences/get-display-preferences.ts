import "server-only";
import { db } from "../../db";
import type { OrgAccess, WorkspaceAccess } from "../../auth/authorize";
import type { DisplayPreferences } from "../../console/format";
import { resolveGeneral } from "./inheritance";
import { generalSelect } from "./preferences-output";

/**
 * What the console renders dates and numbers with: the workspace's effective preferences, or the
 * organization's without a workspace. Deleted workspaces included (their pages still show dates).
 */
export async function getDisplayPreferences(access: OrgAccess | WorkspaceAccess): Promise<DisplayPreferences> {
  const prisma = await db();
  const org = await prisma.organizationPreferences.findUnique({ where: { organizationId: access.organizationId }, select: generalSelect });
  const ws =
    "workspaceId" in access
      ? await prisma.workspacePreferences.findFirst({
          where: { workspaceId: access.workspaceId, workspace: { organizationId: access.organizationId } },
          select: generalSelect,
        })
      : null;
  const { sources: _sources, measurement_system: _m, ...display } = resolveGeneral(ws, org);
  return display;
}
