// The console edge: a server action performs a registry operation for the signed-in user through
// the same pipeline as its REST route (authorization, parsing, update mask, etag, domain call,
// output check), and gets the typed result or the same error the API would answer.

import "server-only";
import { runAction } from "../auth/action";
import type { ActionOutcome } from "../console/action-result";
import { executeOperation } from "./execute";
import type { Operation, ResultOf } from "./operation";

export interface PerformRequest {
  /** The JSON body the REST route would receive. */
  body?: unknown;
  /** Query parameters the REST route would receive (`update_mask`, `etag`, list parameters). */
  query?: Record<string, string | null | undefined>;
}

function queryOf(query: PerformRequest["query"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) if (typeof v === "string") out[k] = v;
  return out;
}

/** Runs `op` for the console's signed-in user, with path parameters by their template names. */
export function perform<O extends Operation>(op: O, params: Record<string, string>, request: PerformRequest = {}): Promise<ActionOutcome<ResultOf<O>>> {
  // Arguments of a server action come from the browser: only strings are path parameters.
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) clean[k] = typeof v === "string" ? v : "";
  return runAction(
    async (ctx) => (await executeOperation(op, ctx, { params: clean, query: queryOf(request.query), body: request.body })) as ResultOf<O>,
  );
}
