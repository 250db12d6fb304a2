"use server";

import { parseWith } from "@/lib/api/http";
import { orgAction, workspaceAction, type ActionResult } from "@/lib/auth/action";
import { batchCreateWorkspaces } from "@/lib/domain/workspaces/batch-create-workspaces";
import { createWorkspace } from "@/lib/domain/workspaces/create-workspace";
import { undeleteWorkspace } from "@/lib/domain/workspaces/undelete-workspace";
import {
  BatchCreateWorkspacesInput,
  WorkspaceCreateInput,
  type BatchCreateWorkspacesOutput,
  type WorkspaceOutput,
} from "@/lib/schemas/workspaces";

/** The console's CreateWorkspace: same permission, validation and domain call as POST …/workspaces. */
export async function createWorkspaceAction(org: string, input: unknown): Promise<ActionResult<WorkspaceOutput>> {
  return orgAction("create:Workspace", org, (ctx, access) => createWorkspace(ctx, access, parseWith(WorkspaceCreateInput, input)));
}

/** POST …/workspaces/{ws}:undelete from the console (the list's Restore and the Settings tab). */
export async function undeleteWorkspaceAction(org: string, ws: string): Promise<ActionResult<WorkspaceOutput>> {
  return workspaceAction("delete:Workspace", { organizationId: org, workspaceId: ws, includeDeleted: true }, (ctx, access) =>
    undeleteWorkspace(ctx, access),
  );
}

/** workspaces:batchCreate from the console's Bulk provision dialog: all or nothing, as the route. */
export async function batchCreateWorkspacesAction(org: string, input: unknown): Promise<ActionResult<BatchCreateWorkspacesOutput>> {
  return orgAction("create:Workspace", org, (ctx, access) =>
    batchCreateWorkspaces(ctx, access, parseWith(BatchCreateWorkspacesInput, input, { brackets: true })),
  );
}
