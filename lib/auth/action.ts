// The server-action wrappers: the console's changes pass the same `authorize` as the REST API
// and return typed results instead of throwing across the network boundary.

import "server-only";
import { ApiError, type FieldViolation } from "../api/errors";
import { toApiError } from "../api/http";
import { looksLikeId } from "../ids";
import { authorize, type OrgAccess, type WorkspaceAccess } from "./authorize";
import type { RequestContext } from "./context";
import type { Permission, WorkspacePermission } from "./permissions";
import { consoleContext } from "./session";
import { unauthenticated } from "./authenticate";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; requestId: string; fieldViolations: FieldViolation[] } };

async function runAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionResult<T>> {
  let requestId = "";
  try {
    const ctx = await consoleContext();
    if (!ctx) throw unauthenticated("Your session has ended. Sign in again.");
    requestId = ctx.requestId;
    return { ok: true, data: await fn(ctx) };
  } catch (error) {
    const e = toApiError(error);
    if (e.code === "INTERNAL" || e.code === "UNAVAILABLE") console.error(`[${requestId}] action failed:`, error);
    return {
      ok: false,
      error: { code: e.code, message: e.message, requestId, fieldViolations: e.options.fieldViolations ?? [] },
    };
  }
}

function checkOrgId(organizationId: string): void {
  if (!looksLikeId(organizationId, "org")) {
    throw new ApiError("NOT_FOUND", `Organization organizations/${organizationId} was not found.`, { reason: "ORGANIZATION_NOT_FOUND" });
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
    if (!looksLikeId(target.workspaceId, "ws")) {
      throw new ApiError("NOT_FOUND", `Workspace was not found.`, { reason: "WORKSPACE_NOT_FOUND" });
    }
    return fn(ctx, await authorize(ctx, permission, target));
  });
}

/** A console action that needs only a signed-in user. */
export function userAction<T>(fn: (ctx: RequestContext) => Promise<T>): Promise<ActionResult<T>> {
  return runAction(fn);
}
