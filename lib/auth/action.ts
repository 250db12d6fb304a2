// The server-action wrappers: the console's changes pass the same `authorize` as the REST API
// and return typed results instead of throwing across the network boundary.

import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { clientIp } from "../api/client-address";
import { ApiError, type FieldViolation } from "../api/errors";
import { toApiError } from "../api/http";
import { looksLikeId } from "../ids";
import { authorize, authorizeSelfService, type OrgAccess, type WorkspaceAccess } from "./authorize";
import type { RequestContext } from "./context";
import type { Permission, WorkspacePermission } from "./permissions";
import { consoleContext } from "./session";
import { unauthenticated } from "./authenticate";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; requestId: string; fieldViolations: FieldViolation[] } };

function failure(error: unknown, requestId: string): ActionResult<never> {
  const e = toApiError(error);
  if (e.code === "INTERNAL" || e.code === "UNAVAILABLE") console.error(`[${requestId}] action failed:`, error);
  return {
    ok: false,
    error: { code: e.code, message: e.message, requestId, fieldViolations: e.options.fieldViolations ?? [] },
  };
}

async function runAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionResult<T>> {
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
export async function publicAction<T>(fn: (meta: VisitorMeta) => Promise<T>): Promise<ActionResult<T>> {
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

function checkOrgId(organizationId: string): void {
  if (!looksLikeId(organizationId, "org")) {
    throw new ApiError("NOT_FOUND", `Organization organizations/${organizationId} was not found.`, { reason: "ORGANIZATION_NOT_FOUND" });
  }
}

function checkWorkspaceId(workspaceId: string): void {
  if (!looksLikeId(workspaceId, "ws")) {
    throw new ApiError("NOT_FOUND", `Workspace was not found.`, { reason: "WORKSPACE_NOT_FOUND" });
  }
}

/** A console action on an organization, authorized for `permission`. */
export function orgAction<T>(
  permission: Permission,
  organizationId: string,
  fn: (ctx: RequestContext, access: OrgAccess) => Promise<T>,
): Promise<ActionResult<T>> {
  return runAction(async (ctx) => {
    checkOrgId(organizationId);
    return fn(ctx, await authorize(ctx, permission, { organizationId }));
  });
}

/** A console action on a workspace, authorized for `permission`. */
export function workspaceAction<T>(
  permission: WorkspacePermission,
  target: { organizationId: string; workspaceId: string; includeDeleted?: boolean },
  fn: (ctx: RequestContext, access: WorkspaceAccess) => Promise<T>,
): Promise<ActionResult<T>> {
  return runAction(async (ctx) => {
    checkOrgId(target.organizationId);
    checkWorkspaceId(target.workspaceId);
    return fn(ctx, await authorize(ctx, permission, target));
  });
}

/**
 * A console action on a workspace member that the member may always take on themselves (leaving)
 * and others need `permission` for — as `withWorkspaceOrSelf` for the REST route.
 */
export function workspaceOrSelfAction<T>(
  permission: WorkspacePermission,
  target: { organizationId: string; workspaceId: string },
  userId: string,
  fn: (ctx: RequestContext, access: WorkspaceAccess) => Promise<T>,
): Promise<ActionResult<T>> {
  return runAction(async (ctx) => {
    checkOrgId(target.organizationId);
    checkWorkspaceId(target.workspaceId);
    const access = userId === ctx.caller.userId ? await authorizeSelfService(ctx, target) : await authorize(ctx, permission, target);
    return fn(ctx, access);
  });
}

/** A console action that needs only a signed-in user. */
export function userAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(fn);
}
