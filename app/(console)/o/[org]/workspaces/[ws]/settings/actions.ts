"use server";

import { etagPreconditions } from "@/lib/api/etag";
import { parseWith } from "@/lib/api/http";
import { workspaceAction, type ActionResult } from "@/lib/auth/action";
import { authorize } from "@/lib/auth/authorize";
import { cloneWorkspace } from "@/lib/domain/workspaces/clone-workspace";
import { deleteWorkspace } from "@/lib/domain/workspaces/delete-workspace";
import { disableWorkspace } from "@/lib/domain/workspaces/disable-workspace";
import { enableWorkspace } from "@/lib/domain/workspaces/enable-workspace";
import { WorkspaceCloneInput, WorkspaceDeleteInput, WorkspaceStateChangeInput, type WorkspaceOutput } from "@/lib/schemas/workspaces";

const target = (org: string, ws: string) => ({ organizationId: org, workspaceId: ws });

/** POST …/workspaces/{ws}:disable from the console. */
export async function disableWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionResult<WorkspaceOutput>> {
  return workspaceAction("manage:WorkspaceState", target(org, ws), (ctx, access) =>
    disableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, input)),
  );
}

/** POST …/workspaces/{ws}:enable from the console. */
export async function enableWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionResult<WorkspaceOutput>> {
  return workspaceAction("manage:WorkspaceState", target(org, ws), (ctx, access) =>
    enableWorkspace(ctx, access, parseWith(WorkspaceStateChangeInput, input)),
  );
}

/** POST …/workspaces/{ws}:clone: clone:Workspace on the source and create:Workspace on the organization, as the route. */
export async function cloneWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionResult<WorkspaceOutput>> {
  return workspaceAction("clone:Workspace", target(org, ws), async (ctx, access) => {
    const parsed = parseWith(WorkspaceCloneInput, input);
    const orgAccess = await authorize(ctx, "create:Workspace", { organizationId: org });
    return cloneWorkspace(ctx, access, orgAccess, parsed);
  });
}

/**
 * DELETE …/workspaces/{ws} (soft delete) with the etag the page was loaded with: the user typed
 * the title they saw, so a workspace changed since then is not deleted on their word.
 */
export async function deleteWorkspaceAction(org: string, ws: string, input: unknown): Promise<ActionResult<null>> {
  return workspaceAction("delete:Workspace", target(org, ws), async (ctx, access) => {
    const { etag } = parseWith(WorkspaceDeleteInput, input);
    await deleteWorkspace(ctx, access, { preconditions: etagPreconditions({ body: etag }) });
    return null;
  });
}
