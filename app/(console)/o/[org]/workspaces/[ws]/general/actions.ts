"use server";

import { parseWith } from "@/lib/api/http";
import { workspaceAction, type ActionResult } from "@/lib/auth/action";
import { updateWorkspace } from "@/lib/domain/workspaces/update-workspace";
import { WorkspaceUpdateInput, type WorkspaceOutput } from "@/lib/schemas/workspaces";

/**
 * The console's UpdateWorkspace: same permission, validation and domain call as PATCH
 * …/workspaces/{ws}. `input` carries the etag the form was loaded with, so a concurrent change
 * is refused (ABORTED) instead of overwritten.
 */
export async function updateWorkspaceAction(org: string, ws: string, input: unknown, updateMask: string): Promise<ActionResult<WorkspaceOutput>> {
  return workspaceAction("update:Workspace", { organizationId: org, workspaceId: ws }, (ctx, access) =>
    updateWorkspace(ctx, access, { input: parseWith(WorkspaceUpdateInput, input), updateMask }),
  );
}
