// Request and response plumbing shared by every route: request ids, bounded JSON bodies,
// zod issues → field violations, and the one mapping from thrown errors to rpcStatus responses.

import { randomUUID } from "node:crypto";
import type { ZodError, ZodType } from "zod";
import { ApiError, type FieldViolation } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reads a request's headers by (lower-case) name, as `Headers.get` does: repeated ones joined with ", ". */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What the REST pipeline reads of a request. A Web `Request` is one (Next's route files pass
 * theirs); the server's node edge (lib/operations/node-edge) builds a lighter one from node's
 * IncomingMessage. `url` is absolute.
 */
export interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderReader;
  readonly body: ReadableStream<Uint8Array> | null;
}

export function requestIdOf(req: ApiRequest): string {
  const given = req.headers.get("x-request-id");
  return given && SANE_REQUEST_ID.test(given) ? given : `req_${randomUUID().replaceAll("-", "")}`;
}

const tooLarge = () =>
  new ApiError("RESOURCE_EXHAUSTED", `Request body is larger than ${MAX_BODY_BYTES} bytes.`, {
    reason: "REQUEST_TOO_LARGE",
    httpStatus: 413,
  });

/** Reads the body as text, stopping as soon as it passes the limit. */
export async function readBodyText(req: ApiRequest, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    // Fatal: Buffer's decoder would replace broken bytes with U+FFFD and store text nobody sent.
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError("INVALID_ARGUMENT", "The request body is not valid UTF-8.", {
      reason: "MALFORMED_BODY",
      fieldViolations: [{ field: "(body)", description: "is not valid UTF-8" }],
    });
  }
}

export function parseJsonText(text: string, req: ApiRequest): Record<string, unknown> {
  if (text.trim() === "") return {};
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("INVALID_ARGUMENT", "The request body must be JSON (Content-Type: application/json).", {
      reason: "UNSUPPORTED_MEDIA_TYPE",
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ApiError("INVALID_ARGUMENT", `The request body is not valid JSON: ${(e as Error).message}`, {
      reason: "MALFORMED_JSON",
    });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError("INVALID_ARGUMENT", "The request body must be a JSON object.", { reason: "MALFORMED_JSON" });
  }
  return parsed as Record<string, unknown>;
}

export interface FieldPathStyle {
  /** Render array indexes as `requests[3].title` (google.rpc.BadRequest style) instead of `requests.3.title`. */
  brackets?: boolean;
}

function fieldPath(path: readonly PropertyKey[], style: FieldPathStyle): string {
  if (!style.brackets) return path.map(String).join(".");
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function fieldViolationsOf(error: ZodError, style: FieldPathStyle = {}): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const issue of error.issues) {
    const base = fieldPath(issue.path, style);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        // A key that is not a plain name (empty, dotted, spaced) is quoted, so the path still names it.
        const name = /^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key);
        out.push({ field: base ? `${base}.${name}` : name, description: "unknown field" });
      }
    } else {
      out.push({ field: base || "(body)", description: issue.message });
    }
  }
  return out;
}

export function zodToApiError(error: ZodError, style: FieldPathStyle = {}): ApiError {
  const violations = fieldViolationsOf(error, style);
  const summary = violations.map((v) => `${v.field}: ${v.description}`).join("; ");
  return new ApiError("INVALID_ARGUMENT", `Invalid request: ${summary}`, {
    reason: "INVALID_ARGUMENT",
    fieldViolations: violations,
  });
}

/** Validates input with a schema; failures become INVALID_ARGUMENT with field violations. */
export function parseWith<T>(schema: ZodType<T>, input: unknown, style: FieldPathStyle = {}): T {
  const result = schema.safeParse(input);
  if (!result.success) throw zodToApiError(result.error, style);
  return result.data;
}

interface PrismaLikeError {
  code?: string;
  name?: string;
  meta?: Record<string, unknown>;
  message?: string;
}

// What a lost or refused database connection looks like, from Prisma (P10xx), from the driver
// (pg: socket error codes, its own connection messages), or from PostgreSQL itself (SQLSTATE
// class 08, and 57P01–57P03 when the server shuts down or is starting).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "57P01", "57P02", "57P03"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|connect ECONNREFUSED|Can't reach database server|Server has closed the connection/i;

// Prisma's driver adapters describe a lost connection as a DriverAdapterError whose cause has a
// `kind` (raw queries surface it unwrapped).
const UNAVAILABLE_KINDS = new Set(["ConnectionClosed", "SocketTimeout", "DatabaseNotReachable", "TooManyConnections"]);

function isDatabaseUnavailable(e: PrismaLikeError & { cause?: unknown; kind?: unknown }, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 3) return false;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || /^08...$/.test(e.code))) return true;
  if (UNAVAILABLE_MESSAGE.test(e.message ?? "")) return true;
  // A raw query's failure (P2010) carries the adapter's error in `meta.driverAdapterError`.
  return isDatabaseUnavailable(e.cause as PrismaLikeError, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError as PrismaLikeError, depth + 1);
}

/** Maps anything thrown below a wrapper to an ApiError; unknown errors become INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as PrismaLikeError;
  if (e && typeof e === "object") {
    if (e.code === "P2025") return new ApiError("NOT_FOUND", "The resource was not found.", { reason: "NOT_FOUND" });
    if (e.code === "P2002") return new ApiError("ALREADY_EXISTS", "The resource already exists.", { reason: "ALREADY_EXISTS" });
    if (e.code === "P2034" || e.code === "40001" || e.code === "40P01") {
      return new ApiError("ABORTED", "The request lost a race with a concurrent change; retry it.", { reason: "CONCURRENT_MODIFICATION" });
    }
    // Every pooled connection stayed busy past the wait: the server is overloaded, not broken.
    if (e.code === "P2028" && /unable to start a transaction/i.test(e.message ?? "")) {
      return new ApiError("UNAVAILABLE", "The server is busy; retry in a moment.", { reason: "SERVER_BUSY", headers: { "retry-after": "1" } });
    }
    if (isDatabaseUnavailable(e)) {
      return new ApiError("UNAVAILABLE", "The database is unavailable; retry in a moment.", {
        reason: "DATABASE_UNAVAILABLE",
        headers: { "retry-after": "1" },
      });
    }
  }
  return new ApiError("INTERNAL", "An internal error occurred.", { reason: "INTERNAL" });
}

/**
 * An answer of the REST pipeline: status, headers (lower-case names) and the JSON text, or a
 * stream. The server's node edge (lib/operations/node-edge) writes it to the socket as it is;
 * route files hand Next a Response made from it (toWebResponse).
 */
export interface ApiReply {
  status: number;
  headers: Record<string, string>;
  /** The body (JSON text); null: none, or `stream`. */
  text: string | null;
  stream?: ReadableStream<Uint8Array>;
}

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}): ApiReply {
  if (body === undefined) return { status, headers: { ...headers }, text: null };
  return { status, headers: { "content-type": "application/json; charset=utf-8", ...headers }, text: JSON.stringify(body) };
}

export function toWebResponse(reply: ApiReply): Response {
  return new Response(reply.stream ?? reply.text, { status: reply.status, headers: reply.headers });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return toWebResponse(jsonReply(body, status, headers));
}

/** The only place an error becomes an answer. Logs INTERNAL errors with the request id, never to the client. */
export function errorReply(error: unknown, requestId: string): ApiReply {
  const apiError = toApiError(error);
  if (apiError.code === "INTERNAL" || apiError.code === "UNAVAILABLE") {
    console.error(`[${requestId}] ${apiError.code}:`, error);
  }
  return jsonReply(apiError.toStatus(requestId), apiError.httpStatus, {
    "x-request-id": requestId,
    ...(apiError.options.headers ?? {}),
  });
}

export function toErrorResponse(error: unknown, requestId: string): Response {
  return toWebResponse(errorReply(error, requestId));
}
