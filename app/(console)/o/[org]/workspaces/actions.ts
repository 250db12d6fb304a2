"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { BatchCreateWorkspaces, CreateWorkspace, UndeleteWorkspace } from "@/lib/operations/workspaces";
import type { BatchCreateWorkspacesOutput, WorkspaceOutput } from "@/lib/schemas/workspaces";

/** CreateWorkspace from the New workspace dialog. */
export async function createWorkspaceAction(org: string, input: unknown): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(CreateWorkspace, { organization_id: org }, { body: input });
}

/** UndeleteWorkspace (the list's Restore and the Settings tab). */
export async function undeleteWorkspaceAction(org: string, ws: string): Promise<ActionOutcome<WorkspaceOutput>> {
  return perform(UndeleteWorkspace, { organization_id: org, workspace_id: ws });
}

/** BatchCreateWorkspaces from the Bulk provision dialog: all or nothing, template included. */
export async function batchCreateWorkspacesAction(org: string, input: unknown): Promise<ActionOutcome<BatchCreateWorkspacesOutput>> {
  return perform(BatchCreateWorkspaces, { organization_id: org }, { body: input });
}
