// The console edge's plumbing: a server action runs for the signed-in user (or a visitor) and
// returns a typed result instead of throwing across the network boundary. Operations reach it
// through lib/operations/act (perform), which authorizes exactly as the REST route does.

import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { clientIp } from "../api/client-address";
import { toApiError } from "../api/http";
import type { ActionOutcome } from "../console/action-result";
import type { RequestContext } from "./context";
import { consoleContext } from "./session";
import { unauthenticated } from "./authenticate";

function failure(error: unknown, requestId: string): ActionOutcome<never> {
  const e = toApiError(error);
  if (e.code === "INTERNAL" || e.code === "UNAVAILABLE") console.error(`[${requestId}] action failed:`, error);
  return {
    ok: false,
    error: { code: e.code, message: e.message, requestId, fieldViolations: e.options.fieldViolations ?? [] },
  };
}

export async function runAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionOutcome<T>> {
  let requestId = "";
  try {
    const ctx = await consoleContext();
    if (!ctx) throw unauthenticated("Your session has ended. Sign in again.");
    requestId = ctx.requestId;
    return { ok: true, data: await fn(ctx) };
  } catch (error) {
    return failure(error, requestId);
  }
}

/** Who is asking, for an action a signed-out visitor may call (sign-up). */
export interface VisitorMeta {
  requestId: string;
  ip: string;
  userAgent: string;
}

/** A console action for a signed-out visitor: no session, the same typed result and error shape. */
export async function publicAction<T>(fn: (meta: VisitorMeta) => Promise<T>): Promise<ActionOutcome<T>> {
  const h = await headers();
  const meta: VisitorMeta = {
    requestId: `req_${randomUUID().replaceAll("-", "")}`,
    ip: clientIp(h),
    userAgent: (h.get("user-agent") ?? "").slice(0, 512),
  };
  try {
    return { ok: true, data: await fn(meta) };
  } catch (error) {
    return failure(error, meta.requestId);
  }
}

/** A console action that needs only a signed-in user. */
export function userAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionOutcome<T>> {
  return runAction(fn);
}
