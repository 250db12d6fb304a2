// The route wrappers: every REST handler goes through one of these, which authenticate, authorize
// (through `authorize`, the one place), and turn results and errors into responses.

import "server-only";
import { ApiError, notFound } from "../api/errors";
import { clientIp } from "../api/client-address";
import { jsonResponse, parseJsonText, readBodyText, requestIdOf, toErrorResponse } from "../api/http";
import { decodePathParam, queryOf } from "../api/query";
import { limitApiCaller } from "../api/rate-limit";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestFingerprint,
} from "../api/idempotency";
import { looksLikeId } from "../ids";
import { authenticateRequest } from "./authenticate";
import { authorize, authorizeSelfService, type OrgAccess, type WorkspaceAccess } from "./authorize";
import type { RequestContext } from "./context";
import type { Permission, WorkspacePermission } from "./permissions";

type RouteParams = Record<string, string | string[] | undefined>;
type NextRouteContext = { params: Promise<RouteParams> };

export interface HandlerArgs {
  req: Request;
  ctx: RequestContext;
  params: Record<string, string>;
  /** The custom method of an AIP-136 path (`…/ws_1:disable` → `disable`), if any. */
  verb?: string;
  query: URLSearchParams;
  /** The JSON body (bounded to 1 MiB); `{}` when empty. */
  body: () => Promise<Record<string, unknown>>;
}

/** A handler returns a Response, or a body for 200 OK. */
type HandlerResult = Response | object;

function finish(result: HandlerResult, requestId: string): Response {
  const res = result instanceof Response ? result : jsonResponse(result);
  res.headers.set("x-request-id", requestId);
  return res;
}

async function flatParams(context: NextRouteContext | undefined): Promise<Record<string, string>> {
  // Next.js passes no params object (undefined) to routes without dynamic segments.
  const raw: Record<string, unknown> = (context ? await context.params : undefined) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") out[k] = decodePathParam(k, v);
  return out;
}

const CHANGING_METHODS = new Set(["POST", "PATCH", "DELETE", "PUT"]);

async function run(
  req: Request,
  context: NextRouteContext | undefined,
  handle: (args: HandlerArgs) => Promise<HandlerResult>,
): Promise<Response> {
  const requestId = requestIdOf(req);
  try {
    const caller = await authenticateRequest(req);
    await limitApiCaller(caller);
    const ctx: RequestContext = {
      caller,
      requestId,
      ip: clientIp(req),
      userAgent: (req.headers.get("user-agent") ?? "").slice(0, 512),
    };
    const params = await flatParams(context);
    const idemKey = CHANGING_METHODS.has(req.method) ? idempotencyKeyOf(req) : undefined;
    // With an idempotency key the body is read up front: it is part of the request's fingerprint.
    const bodyText = idemKey !== undefined ? await readBodyText(req) : undefined;
    let bodyPromise: Promise<Record<string, unknown>> | undefined;
    const args: HandlerArgs = {
      req,
      ctx,
      params,
      query: queryOf(req),
      body: () => (bodyPromise ??= bodyText !== undefined ? Promise.resolve(parseJsonText(bodyText, req)) : readBodyText(req).then((t) => parseJsonText(t, req))),
    };
    if (idemKey === undefined) return finish(await handle(args), requestId);

    const callerKey = `user:${caller.userId}`;
    const claim = await claimIdempotencyKey(callerKey, idemKey, req.method, req.url, requestFingerprint(req.method, req.url, bodyText ?? ""));
    if (claim.kind === "replay") return finish(claim.response, requestId);
    let response: Response;
    try {
      response = finish(await handle(args), requestId);
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    try {
      return await completeIdempotencyKey(callerKey, idemKey, response);
    } catch (error) {
      await releaseIdempotencyKey(callerKey, idemKey).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}

/** Any authenticated caller; the handler scopes what it reads to that caller. */
export function withUser(handler: (args: HandlerArgs) => Promise<HandlerResult>) {
  return (req: Request, context?: NextRouteContext) => run(req, context, handler);
}

function orgIdOf(params: Record<string, string>): string {
  const id = (params.org ?? "").split(":")[0];
  if (!looksLikeId(id, "org")) throw notFound("Organization", `organizations/${id}`, { organization_id: id });
  return id;
}

function wsIdOf(params: Record<string, string>, orgId: string): string {
  const id = (params.ws ?? "").split(":")[0];
  if (!looksLikeId(id, "ws")) {
    throw notFound("Workspace", `organizations/${orgId}/workspaces/${id}`, { workspace_id: id });
  }
  return id;
}

/** Routes under /organizations/{org}: authorizes `permission` on the organization. */
export function withOrg(permission: Permission, handler: (args: HandlerArgs & { access: OrgAccess }) => Promise<HandlerResult>) {
  return withUser(async (args) => {
    const access = await authorize(args.ctx, permission, { organizationId: orgIdOf(args.params) });
    return handler({ ...args, access });
  });
}

export interface WorkspaceRouteOptions {
  includeDeleted?: boolean;
}

/** Routes under /organizations/{org}/workspaces/{ws}: authorizes `permission` on the workspace. */
export function withWorkspace(
  permission: WorkspacePermission,
  handler: (args: HandlerArgs & { access: WorkspaceAccess }) => Promise<HandlerResult>,
  options: WorkspaceRouteOptions = {},
) {
  return withUser(async (args) => {
    const organizationId = orgIdOf(args.params);
    const workspaceId = wsIdOf(args.params, organizationId);
    const access = await authorize(args.ctx, permission, {
      organizationId,
      workspaceId,
      includeDeleted: options.includeDeleted,
    });
    return handler({ ...args, access });
  });
}

/**
 * Workspace routes where a caller acting on their own membership (leaving) needs no catalog
 * permission: when `isSelf(args)` holds, only `authorizeSelfService`'s checks apply; otherwise
 * `permission` is required as in `withWorkspace`.
 */
export function withWorkspaceOrSelf(
  permission: WorkspacePermission,
  isSelf: (args: HandlerArgs) => boolean,
  handler: (args: HandlerArgs & { access: WorkspaceAccess }) => Promise<HandlerResult>,
) {
  return withUser(async (args) => {
    const organizationId = orgIdOf(args.params);
    const target = { organizationId, workspaceId: wsIdOf(args.params, organizationId) };
    const access = isSelf(args) ? await authorizeSelfService(args.ctx, target) : await authorize(args.ctx, permission, target);
    return handler({ ...args, access });
  });
}

/**
 * AIP-136 custom methods share a path segment with the resource id (`…/workspaces/ws_1:disable`,
 * `…/workspaces:batchCreate`). `byVerb("ws", { disable: handler })` dispatches on the text after
 * the colon in that segment; `""` handles the segment without a verb. Unknown verbs are 404.
 */
export function byVerb(
  param: string,
  handlers: Record<string, (req: Request, context?: NextRouteContext) => Promise<Response>>,
  /** The methods the path without a verb answers, for the 405's Allow header. */
  allowWithoutVerb: string[] = [],
) {
  return async (req: Request, context?: NextRouteContext): Promise<Response> => {
    // Next.js passes no params object (undefined) to routes without dynamic segments.
  const raw: Record<string, unknown> = (context ? await context.params : undefined) ?? {};
    let value: string;
    try {
      value = typeof raw[param] === "string" ? decodePathParam(param, raw[param] as string) : "";
    } catch (error) {
      return toErrorResponse(error, requestIdOf(req));
    }
    const colon = value.indexOf(":");
    const verb = colon < 0 ? "" : value.slice(colon + 1);
    const handler = Object.hasOwn(handlers, verb) ? handlers[verb] : undefined;
    if (handler) return handler(req, context);
    const path = new URL(req.url).pathname;
    const error =
      verb === ""
        ? methodNotAllowed(allowWithoutVerb)
        : new ApiError("NOT_FOUND", `No operation at ${req.method} ${path}.`, { reason: "UNKNOWN_PATH", metadata: { path } });
    return toErrorResponse(error, requestIdOf(req));
  };
}

/** The verb of the current path segment `param` (see byVerb). */
export function verbOf(params: Record<string, string>, param: string): string {
  const value = params[param] ?? "";
  const colon = value.indexOf(":");
  return colon < 0 ? "" : value.slice(colon + 1);
}

/** Routes that need no caller (health). Still get request ids and error mapping. */
export function withPublic(handler: (req: Request) => Promise<HandlerResult>) {
  return async (req: Request) => {
    const requestId = requestIdOf(req);
    try {
      return finish(await handler(req), requestId);
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };
}

export function created(body: object, location: string): Response {
  return jsonResponse(body, 201, { location });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function methodNotAllowed(allow: string[]): ApiError {
  return new ApiError("INVALID_ARGUMENT", "Method not allowed on this path.", {
    reason: "METHOD_NOT_ALLOWED",
    httpStatus: 405,
    headers: { allow: allow.join(", ") },
  });
}
