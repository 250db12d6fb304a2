// The signed-in user's access to the workspace in the URL, for the workspace's tab pages (members,
// roles). Another organization's workspace, or one the caller is not in, is simply not found.

import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import { loadWorkspaceAccess, type WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { looksLikeId } from "@/lib/ids";
import { requireConsoleOrg } from "../../../_lib/console-org";

const load = cache(async (ctx: RequestContext, org: string, ws: string): Promise<WorkspaceAccess | null> => {
  if (!looksLikeId(ws, "ws")) return null;
  try {
    return await loadWorkspaceAccess(ctx, { organizationId: org, workspaceId: ws });
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

/** The caller and their access to workspace `ws` of `org`; signed out: sign-in; no access: not found. */
export async function requireWorkspaceTab(org: string, ws: string, returnTo: string): Promise<{ ctx: RequestContext; access: WorkspaceAccess }> {
  const { ctx } = await requireConsoleOrg(org, returnTo);
  const access = await load(ctx, org, ws);
  if (!access) notFound();
  return { ctx, access };
}

/** Why nothing in the workspace can change right now, or "" when it can. */
export function readOnlyReason(state: string): string {
  if (state === "DISABLED") return "This workspace is disabled: nothing in it can change until an admin enables it again (Settings tab).";
  if (state === "TERMINATED") return "This workspace is terminated: it is read-only for good.";
  return "";
}
