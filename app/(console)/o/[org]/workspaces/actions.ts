"use server";

import { parseWith } from "@/lib/api/http";
import { orgAction, type ActionResult } from "@/lib/auth/action";
import { createWorkspace } from "@/lib/domain/workspaces/create-workspace";
import { WorkspaceCreateInput, type WorkspaceOutput } from "@/lib/schemas/workspaces";

/** The console's CreateWorkspace: same permission, validation and domain call as POST …/workspaces. */
export async function createWorkspaceAction(org: string, input: unknown): Promise<ActionResult<WorkspaceOutput>> {
  return orgAction("create:Workspace", org, (ctx, access) => createWorkspace(ctx, access, parseWith(WorkspaceCreateInput, input)));
}
