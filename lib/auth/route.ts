// The HTTP pipeline of every REST operation (lib/operations/serve): request id, authentication,
// Idempotency-Key replays, the bounded JSON body, and the one mapping of errors to responses.
// Authorization is not decided here: the operation's scope and permission do that.

import "server-only";
import { clientIp } from "../api/client-address";
import { errorReply, parseJsonText, readBodyText, requestIdOf, type ApiReply, type ApiRequest } from "../api/http";
import { limitApiCaller, rateLimitHeaders, type RateLimitState } from "../api/rate-limit";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyKeyOf,
  releaseIdempotencyKey,
  requestFingerprint,
} from "../api/idempotency";
import { noteActivity } from "../domain/users/note-activity";
import { authenticate } from "./authenticate";
import type { AccessTarget } from "./authorize";
import type { RequestContext } from "./context";

export interface HandlerArgs {
  req: ApiRequest;
  /** The caller; null for public operations. */
  ctx: RequestContext | null;
  /** The JSON body (bounded to 1 MiB); `{}` when empty. */
  body: () => Promise<Record<string, unknown>>;
}

function finish(reply: ApiReply, requestId: string): ApiReply {
  reply.headers["x-request-id"] = requestId;
  return reply;
}

const CHANGING_METHODS = new Set(["POST", "PATCH", "DELETE", "PUT"]);

/**
 * Runs `handle` for one request: authenticates the caller (unless `isPublic`), replays or records
 * an Idempotency-Key, and turns whatever is thrown into an rpcStatus response with the request id.
 * `access` names the organization (or workspace) the operation will authorize against: a token's
 * statement reads the caller's access there too.
 */
export async function runRequest(req: ApiRequest, isPublic: boolean, handle: (args: HandlerArgs) => Promise<ApiReply>, access?: AccessTarget): Promise<ApiReply> {
  let budget: RateLimitState | undefined;
  const response = await answer(req, isPublic, handle, (state) => (budget = state), access);
  // Every answer counted against a caller's budget tells what is left of it, not only a 429.
  if (budget && response.headers["ratelimit-limit"] === undefined) Object.assign(response.headers, rateLimitHeaders(budget));
  return response;
}

async function answer(
  req: ApiRequest,
  isPublic: boolean,
  handle: (args: HandlerArgs) => Promise<ApiReply>,
  counted: (state: RateLimitState) => void,
  access: AccessTarget | undefined,
): Promise<ApiReply> {
  const requestId = requestIdOf(req);
  try {
    const meta = { requestId, ip: clientIp(req.headers), userAgent: (req.headers.get("user-agent") ?? "").slice(0, 512) };
    const ctx: RequestContext | null = isPublic ? null : { ...(await authenticate(req, access)), ...meta };
    if (ctx) void noteActivity(ctx.caller.userId);
    if (ctx) counted(await limitApiCaller(ctx.caller));
    const idemKey = CHANGING_METHODS.has(req.method) ? idempotencyKeyOf(req) : undefined;
    // With an idempotency key the body is read up front: it is part of the request's fingerprint.
    const bodyText = idemKey !== undefined ? await readBodyText(req) : undefined;
    let bodyPromise: Promise<Record<string, unknown>> | undefined;
    const args: HandlerArgs = {
      req,
      ctx,
      body: () => (bodyPromise ??= bodyText !== undefined ? Promise.resolve(parseJsonText(bodyText, req)) : readBodyText(req).then((t) => parseJsonText(t, req))),
    };
    if (idemKey === undefined || !ctx) return finish(await handle(args), requestId);

    const callerKey = `user:${ctx.caller.userId}`;
    const claim = await claimIdempotencyKey(callerKey, idemKey, req.method, req.url, requestFingerprint(req.method, req.url, bodyText ?? ""));
    if (claim.kind === "replay") return finish(claim.reply, requestId);
    let response: ApiReply;
    try {
      response = finish(await handle(args), requestId);
    } catch (error) {
      response = errorReply(error, requestId);
    }
    try {
      return await completeIdempotencyKey(callerKey, idemKey, response);
    } catch (error) {
      await releaseIdempotencyKey(callerKey, idemKey).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    return errorReply(error, requestId);
  }
}

