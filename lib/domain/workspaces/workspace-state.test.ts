import { describe, expect, it } from "vitest";
import { STATE_MOVES, isLegalMove, makeTransition, stateBeforeDeletion, type StateVerb } from "./workspace-state";

const by = { type: "USER" as const, id: "usr_1" };

describe("workspace lifecycle", () => {
  it("allows exactly Bird's transitions", () => {
    const states = ["ACTIVE", "DISABLED", "TERMINATED", "DELETED"] as const;
    const legal: Record<StateVerb, string[]> = { disable: ["ACTIVE"], enable: ["DISABLED"], terminate: ["ACTIVE", "DISABLED"] };
    for (const verb of Object.keys(STATE_MOVES) as StateVerb[]) {
      for (const state of states) expect(isLegalMove(verb, state), `${verb} from ${state}`).toBe(legal[verb].includes(state));
    }
    expect(STATE_MOVES.disable.to).toBe("DISABLED");
    expect(STATE_MOVES.enable.to).toBe("ACTIVE");
    expect(STATE_MOVES.terminate.to).toBe("TERMINATED");
  });

  it("records transitions in the wire shape with USER_INITIATED by default", () => {
    const at = new Date("2026-11-22T04:45:28.123Z");
    expect(makeTransition("ACTIVE", "DISABLED", by, at)).toEqual({
      from_state: "ACTIVE",
      to_state: "DISABLED",
      reason: "USER_INITIATED",
      comment: "",
      transition_time: "2026-11-22T04:45:28.123Z",
      transitioned_by: { type: "USER", id: "usr_1" },
    });
  });

  it("restores the state a workspace left when it was deleted", () => {
    const at = new Date();
    expect(stateBeforeDeletion([])).toBe("ACTIVE");
    expect(stateBeforeDeletion(null)).toBe("ACTIVE");
    expect(
      stateBeforeDeletion([makeTransition("ACTIVE", "DISABLED", by, at), makeTransition("DISABLED", "DELETED", by, at)]),
    ).toBe("DISABLED");
    expect(
      stateBeforeDeletion([
        makeTransition("ACTIVE", "DELETED", by, at),
        makeTransition("DELETED", "ACTIVE", by, at),
        makeTransition("ACTIVE", "DISABLED", by, at),
        makeTransition("DISABLED", "ACTIVE", by, at),
        makeTransition("ACTIVE", "DELETED", by, at),
      ]),
    ).toBe("ACTIVE");
  });
});
