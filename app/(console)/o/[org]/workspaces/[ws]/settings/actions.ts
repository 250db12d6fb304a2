"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { CloneWorkspace, DeleteWorkspace, DisableWorkspace, EnableWorkspace } from "@/lib/operations/workspaces";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";

const target = (org: string, ws: string) => ({ organization_id: org, workspace_id: ws });

/** DisableWorkspace from the Settings tab. */
export async function disableWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(DisableWorkspace, target(org, ws), { body: input });
}

/** EnableWorkspace from the Settings tab. */
export async function enableWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(EnableWorkspace, target(org, ws), { body: input });
}

/** CloneWorkspace from the Settings tab. */
export async function cloneWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(CloneWorkspace, target(org, ws), { body: input });
}

/**
 * DeleteWorkspace (soft) with the etag the page was loaded with: the user typed the title they
 * saw, so a workspace changed since then is not deleted on their word.
 */
export async function deleteWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<null>> {
  return perform(DeleteWorkspace, target(org, ws), { body: input });
}
