"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { UpdateWorkspace } from "@/lib/operations/workspaces";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";

/**
 * UpdateWorkspace from the General tab. `input` carries the etag the form was loaded with, so a
 * concurrent change is refused (ABORTED) instead of overwritten.
 */
export async function updateWorkspaceAction(org: string, ws: string, input: unknown, updateMask: string): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(UpdateWorkspace, { organization_id: org, workspace_id: ws }, { body: input, query: { update_mask: updateMask } });
}
