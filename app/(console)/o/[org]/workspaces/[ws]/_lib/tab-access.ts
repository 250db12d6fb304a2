// What the workspace's Members and Roles tabs need besides the workspace itself: the reason the
// workspace cannot change right now, for controls to show before anyone clicks.

import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { requireConsoleWorkspace } from "./console-workspace";

/** The caller and their access to workspace `ws` of `org` (the layout has already shown a denial or not-found). */
export async function requireWorkspaceTab(org: string, ws: string): Promise<{ ctx: RequestContext; access: WorkspaceAccess }> {
  const { ctx, access } = await requireConsoleWorkspace(org, ws);
  return { ctx, access };
}

/** Why nothing in the workspace can change right now, or "" when it can. */
export function readOnlyReason(state: string): string {
  if (state === "DISABLED") return "This workspace is disabled: nothing in it can change until an admin enables it again (Settings tab).";
  if (state === "TERMINATED") return "This workspace is terminated: it is read-only for good.";
  if (state === "DELETED") return "This workspace is deleted: restore it from the Settings tab before changing it.";
  return "";
}
