import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import { actorOf, type RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { WorkspaceOutput, WorkspaceStateChangeInput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { changeWorkspaceRow, requireLive } from "./workspace-changes";
import { STATE_MOVES, isLegalMove, makeTransition, transitionsOf, type StateVerb } from "./workspace-state";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

/**
 * The lifecycle custom methods (`:disable`, `:enable`, `:terminate`) share this, so the
 * transition table in workspace-state.ts is their only rule.
 */
export async function changeWorkspaceState(ctx: RequestContext, access: WorkspaceAccess, verb: StateVerb, input: WorkspaceStateChangeInput): Promise<WorkspaceOutput> {
  const ref = { organizationId: access.organizationId, workspaceId: access.workspaceId };
  const move = STATE_MOVES[verb];
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const now = new Date();
    const change = await changeWorkspaceRow(tx, ref, {
      plan: (row) => {
        requireLive(ref, row);
        if (!isLegalMove(verb, row.state)) {
          throw new ApiError(
            "FAILED_PRECONDITION",
            `Workspace ${workspaceName(ref.organizationId, ref.workspaceId)} is ${row.state}; it cannot ${verb === "enable" ? "be enabled" : verb === "disable" ? "be disabled" : "be terminated"} (only from ${move.from.join(" or ")}).`,
            { reason: "ILLEGAL_STATE_TRANSITION", metadata: { workspace_id: ref.workspaceId, from_state: row.state, to_state: move.to } },
          );
        }
        return {
          state: move.to,
          stateTransitions: [...transitionsOf(row.stateTransitions), makeTransition(row.state, move.to, actorOf(ctx), now, input.reason, input.comment)],
        };
      },
    });
    await writeAuditEntry(tx, ctx, {
      organizationId: ref.organizationId,
      workspaceId: ref.workspaceId,
      action: move.action,
      resource: workspaceName(ref.organizationId, ref.workspaceId),
      changes: { before: { state: change.before.state }, after: { state: move.to }, reason: input.reason, comment: input.comment },
    });
    return change.after;
  });
  return toWorkspaceOutput(row);
}
