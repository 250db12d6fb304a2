import "server-only";
import { db } from "../../db";
import { notFound } from "../../api/errors";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { WorkspaceOutput } from "../../schemas/workspaces";
import { toWorkspaceOutput, workspaceName, workspaceSelect } from "./workspace-output";

/** Kognitos GetWorkspace. `access` (from authorize) proves the caller can read it. */
export async function getWorkspace(access: WorkspaceAccess, options: { includeDeleted?: boolean } = {}): Promise<WorkspaceOutput> {
  const prisma = await db();
  const row = await prisma.workspace.findFirst({
    where: {
      id: access.workspaceId,
      organizationId: access.organizationId,
      ...(options.includeDeleted ? {} : { deleteTime: null }),
    },
    select: workspaceSelect,
  });
  if (!row) {
    throw notFound("Workspace", workspaceName(access.organizationId, access.workspaceId), { workspace_id: access.workspaceId });
  }
  return toWorkspaceOutput(row);
}
