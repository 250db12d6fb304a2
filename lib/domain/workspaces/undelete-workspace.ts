import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import { actorOf, type RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { EtagPreconditions } from "../../api/etag";
import type { WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { changeWorkspaceRow, isUniqueViolation, titleTaken, workspaceNotFound } from "./workspace-changes";
import { makeTransition, stateBeforeDeletion, transitionsOf } from "./workspace-state";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

/**
 * POST …/workspaces/{ws}:undelete (AIP-164): restores a soft-deleted workspace before its purge
 * time, in the state it had when it was deleted. Its title must still be free.
 */
export async function undeleteWorkspace(
  ctx: RequestContext,
  access: WorkspaceAccess,
  options: { preconditions?: EtagPreconditions } = {},
): Promise<WorkspaceOutput> {
  const ref = { organizationId: access.organizationId, workspaceId: access.workspaceId };
  const prisma = await db();
  let title = "";
  try {
    const row = await prisma.$transaction(async (tx) => {
      const now = new Date();
      const change = await changeWorkspaceRow(tx, ref, {
        preconditions: options.preconditions,
        plan: (row) => {
          if (!row.deleteTime) {
            throw new ApiError("ALREADY_EXISTS", `Workspace ${workspaceName(ref.organizationId, ref.workspaceId)} is not deleted.`, {
              reason: "WORKSPACE_NOT_DELETED",
              metadata: { workspace_id: ref.workspaceId, state: row.state },
            });
          }
          // Past its purge time a workspace is gone, whether or not the purge has run yet.
          if (row.purgeTime && row.purgeTime <= now) throw workspaceNotFound(ref);
          title = row.title;
          const restored = stateBeforeDeletion(row.stateTransitions);
          return {
            state: restored,
            deleteTime: null,
            purgeTime: null,
            activeTitleKey: row.title.toLowerCase(),
            stateTransitions: [...transitionsOf(row.stateTransitions), makeTransition("DELETED", restored, actorOf(ctx), now)],
          };
        },
      });
      await writeAuditEntry(tx, ctx, {
        organizationId: ref.organizationId,
        workspaceId: ref.workspaceId,
        action: "workspace.undelete",
        resource: workspaceName(ref.organizationId, ref.workspaceId),
        changes: {
          before: { state: "DELETED", delete_time: change.before.deleteTime?.toISOString() ?? null, purge_time: change.before.purgeTime?.toISOString() ?? null },
          after: { state: change.after.state, delete_time: null, purge_time: null },
        },
      });
      return change.after;
    });
    return toWorkspaceOutput(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(title);
    throw error;
  }
}
