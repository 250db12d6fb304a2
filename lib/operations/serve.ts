// The REST edge: a route file's handlers derived from its operations,
// `export const { GET, PATCH, DELETE } = serve(GetWorkspace, UpdateWorkspace, DeleteWorkspace)`.
// The request path is matched against each operation's template (so the folder's parameter names
// do not matter), then the operation runs through the shared pipeline.

import "server-only";
import { methodNotAllowed, unknownPath } from "../api/errors";
import { jsonReply, toWebResponse, type ApiReply, type ApiRequest } from "../api/http";
import { decodePathParam, queryOf as strictQuery } from "../api/query";
import { runRequest } from "../auth/route";
import { accessTargetOf, executeOperation } from "./execute";
import type { Operation } from "./operation";

export const API_BASE = "/api/v1";

type Segment = { kind: "static"; text: string } | { kind: "param"; name: string; verb: string | null };

interface CompiledOperation {
  op: Operation;
  segments: Segment[];
  /** The last segment is `{param}:verb`: an AIP-136 custom method, which exists for its method only. */
  resourceVerb: boolean;
}

function compile(op: Operation): CompiledOperation {
  const segments: Segment[] = op.path
    .slice(1)
    .split("/")
    .map((part) => {
      const m = /^\{([a-z_]+)\}(?::([A-Za-z]+))?$/.exec(part);
      return m ? { kind: "param", name: m[1], verb: m[2] ?? null } : { kind: "static", text: part };
    });
  const last = segments[segments.length - 1];
  return { op, segments, resourceVerb: last.kind === "param" && last.verb !== null };
}

function decodeSegment(raw: string): string {
  return decodePathParam("path", raw);
}

/** The path parameters when `parts` (decoded) fit the template, else undefined. */
function match(compiled: CompiledOperation, parts: string[]): Record<string, string> | undefined {
  if (parts.length !== compiled.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, seg] of compiled.segments.entries()) {
    const part = parts[i];
    if (seg.kind === "static") {
      if (part !== seg.text) return undefined;
      continue;
    }
    const colon = part.indexOf(":");
    const value = colon < 0 ? part : part.slice(0, colon);
    const verb = colon < 0 ? null : part.slice(colon + 1);
    if (verb !== seg.verb || value === "") return undefined;
    params[seg.name] = value;
  }
  return params;
}

function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  // A repeated parameter counts once, its first value (as URLSearchParams.get).
  for (const [k, v] of strictQuery(url)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

function respond(op: Operation, result: unknown, params: Record<string, string>): ApiReply {
  if (op.stream) {
    return {
      status: 200,
      headers: { "content-type": op.stream.contentType, "content-disposition": `attachment; filename="${op.stream.filename}"`, "cache-control": "no-store" },
      text: null,
      stream: result as ReadableStream<Uint8Array>,
    };
  }
  if (!op.response) return { status: 204, headers: {}, text: null };
  const headers: Record<string, string> = {};
  if (op.location) headers.location = `${API_BASE}/${op.location(result, params).replace(/^\//, "")}`;
  const etag = (result as { etag?: unknown } | null)?.etag;
  if (op.etagHeader && typeof etag === "string") headers.etag = etag;
  return jsonReply(result, op.status ?? 200, headers);
}

type RouteHandler = ((req: Request) => Promise<Response>) & { operations: readonly Operation[] };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const byMethodOrder = (a: string, b: string) => METHODS.indexOf(a as (typeof METHODS)[number]) - METHODS.indexOf(b as (typeof METHODS)[number]);

/**
 * Answers `req` with the first of `mine` (the operations of its method) whose template fits the
 * path; else 405 with `Allow` when another method of `compiled` knows the path, or 404.
 */
async function dispatch(compiled: CompiledOperation[], mine: CompiledOperation[], req: ApiRequest): Promise<ApiReply> {
  const url = new URL(req.url);
  let found: { op: Operation; params: Record<string, string> } | undefined;
  let parts: string[] = [];
  try {
    parts = url.pathname.slice(API_BASE.length + 1).split("/").map(decodeSegment);
    for (const c of mine) {
      const params = match(c, parts);
      if (params) {
        found = { op: c.op, params };
        break;
      }
    }
  } catch (error) {
    return runRequest(req, true, async () => {
      throw error;
    });
  }
  if (!found) {
    const allow = [...new Set(compiled.filter((c) => !c.resourceVerb && match(c, parts)).map((c) => c.op.method))].sort(byMethodOrder);
    const error = allow.length ? methodNotAllowed(allow) : unknownPath(req.method, url.pathname);
    return runRequest(req, true, async () => {
      throw error;
    });
  }
  const { op, params } = found;
  const wantsBody = Boolean(op.body || op.etag || op.updateMask);
  return runRequest(req, op.scope === "public", async ({ ctx, body }) => {
    const result = await executeOperation(op, ctx, {
      params,
      query: queryOf(url),
      body: wantsBody ? await body() : undefined,
      ifMatch: req.headers.get("if-match"),
    });
    return respond(op, result, params);
  }, accessTargetOf(op, params));
}

/**
 * Route handlers for `ops`, one per HTTP method. A method none of them has still gets a handler
 * (with no operations), so the route answers 405 with `Allow` (or 404 for a path it does not
 * know) as rpcStatus JSON, instead of the framework's bare 405.
 */
export function serve(...ops: Operation[]): Record<(typeof METHODS)[number], RouteHandler> {
  const compiled = ops.map(compile);
  const handlers = {} as Record<(typeof METHODS)[number], RouteHandler>;
  for (const method of METHODS) {
    const mine = compiled.filter((c) => c.op.method === method);
    handlers[method] = Object.assign(async (req: Request) => toWebResponse(await dispatch(compiled, mine, req)), { operations: mine.map((c) => c.op) });
  }
  return handlers;
}

/**
 * One handler for every path under /api/v1 (the server's lean edge, lib/operations/node-edge):
 * the same matching as the route files, over all of `ops` at once. Route files group operations
 * by path, so a path finds the same operation, the same `Allow` and the same 404 either way.
 */
export function serveAll(ops: readonly Operation[]): (req: ApiRequest) => Promise<ApiReply> {
  const compiled = ops.map(compile);
  const byMethod = new Map<string, CompiledOperation[]>(METHODS.map((m) => [m, compiled.filter((c) => c.op.method === m)]));
  return (req) => dispatch(compiled, byMethod.get(req.method) ?? [], req);
}
