// The signed-in user's view of the workspace in the URL, shared by the workspace layout and its
// tabs. React's cache() makes it one access check and one read per request, however many of the
// layout and page ask. Soft-deleted workspaces are included so the settings tab can restore them.

import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { looksLikeId } from "@/lib/ids";
import { authorizeOperation } from "@/lib/operations/execute";
import { GetWorkspace } from "@/lib/operations/workspaces";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { requireConsoleOrg } from "../../../_lib/console-org";

export type ConsoleWorkspace =
  | { kind: "ok"; ctx: RequestContext; access: WorkspaceAccess; workspace: WorkspaceOutput }
  | { kind: "denied"; ctx: RequestContext; message: string };

const load = cache(async (org: string, ws: string): Promise<ConsoleWorkspace | { kind: "not-found" }> => {
  const { ctx } = await requireConsoleOrg(org, `/o/${org}/workspaces/${ws}`);
  if (!looksLikeId(ws, "ws")) return { kind: "not-found" };
  try {
    // Shown on the terms GetWorkspace is served, deleted workspaces included (Settings restores them).
    const params = { organization_id: org, workspace_id: ws };
    const access = (await authorizeOperation(GetWorkspace, ctx, params, { includeDeleted: true })) as WorkspaceAccess;
    const workspace = await getWorkspace(access, { includeDeleted: true });
    return { kind: "ok", ctx, access, workspace };
  } catch (error) {
    // Another tenant's or an unknown workspace is simply not there (never "forbidden").
    if (error instanceof ApiError && error.code === "NOT_FOUND") return { kind: "not-found" };
    if (error instanceof ApiError && error.code === "PERMISSION_DENIED") {
      return {
        kind: "denied",
        ctx,
        message: `Viewing a workspace requires the ${GetWorkspace.permission} permission. Ask a workspace admin for access.`,
      };
    }
    throw error;
  }
});

/**
 * The workspace `ws` of `org` as the caller sees it (deleted ones included). Unknown or not
 * visible: renders the not-found page. Visible but not readable: `kind: "denied"`, which the
 * layout shows as a clear message instead of the tabs.
 */
export async function loadConsoleWorkspace(org: string, ws: string): Promise<ConsoleWorkspace> {
  const loaded = await load(org, ws);
  if (loaded.kind === "not-found") notFound();
  return loaded;
}

/** For a tab page: the loaded workspace, or not-found (the layout already explains a denial). */
export async function requireConsoleWorkspace(
  org: string,
  ws: string,
): Promise<{ ctx: RequestContext; access: WorkspaceAccess; workspace: WorkspaceOutput }> {
  const loaded = await loadConsoleWorkspace(org, ws);
  if (loaded.kind !== "ok") notFound();
  return loaded;
}
