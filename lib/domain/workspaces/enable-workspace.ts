import "server-only";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { WorkspaceOutput, WorkspaceStateChangeInput } from "../../schemas/workspaces";
import { changeWorkspaceState } from "./change-workspace-state";

/** POST …/workspaces/{ws}:enable — DISABLED → ACTIVE. */
export function enableWorkspace(ctx: RequestContext, access: WorkspaceAccess, input: WorkspaceStateChangeInput): Promise<WorkspaceOutput> {
  return changeWorkspaceState(ctx, access, "enable", input);
}
