// Bird's workspace status lifecycle (API.md §3) as data: which custom method moves a workspace
// from which states to which. Pure, so the rules have unit tests of their own.

import type { WorkspaceState } from "../../generated/prisma/enums";
import type { StateTransition, StateTransitionReason } from "../../schemas/workspaces";

export type StateVerb = "disable" | "enable" | "terminate";

export interface StateMove {
  from: readonly WorkspaceState[];
  to: WorkspaceState;
  action: string;
}

// DELETED is reached only through DELETE and left only through :undelete; TERMINATED is final.
export const STATE_MOVES: Record<StateVerb, StateMove> = {
  disable: { from: ["ACTIVE"], to: "DISABLED", action: "workspace.disable" },
  enable: { from: ["DISABLED"], to: "ACTIVE", action: "workspace.enable" },
  terminate: { from: ["ACTIVE", "DISABLED"], to: "TERMINATED", action: "workspace.terminate" },
};

export function isLegalMove(verb: StateVerb, from: WorkspaceState): boolean {
  return STATE_MOVES[verb].from.includes(from);
}

export interface Transitioner {
  type: "USER" | "ACCESS_KEY";
  id: string;
}

export function makeTransition(
  from: WorkspaceState,
  to: WorkspaceState,
  by: Transitioner,
  at: Date,
  reason: StateTransitionReason = "USER_INITIATED",
  comment = "",
): StateTransition {
  return {
    from_state: from,
    to_state: to,
    reason,
    comment,
    transition_time: at.toISOString(),
    transitioned_by: { type: by.type, id: by.id },
  };
}

/** The stored history as a list (the column is JSON; anything else reads as empty). */
export function transitionsOf(stored: unknown): StateTransition[] {
  return Array.isArray(stored) ? (stored as StateTransition[]) : [];
}

/** The state a soft-deleted workspace returns to on :undelete: the one it left when deleted. */
export function stateBeforeDeletion(stored: unknown): WorkspaceState {
  const history = transitionsOf(stored);
  for (let i = history.length - 1; i >= 0; i--) {
    const t = history[i];
    if (t.to_state === "DELETED" && t.from_state !== "DELETED") return t.from_state;
  }
  return "ACTIVE";
}
