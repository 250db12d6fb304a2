// One error class for the whole API, carrying google.rpc.Status semantics (API.md §1).

export const RPC_CODES = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

export type RpcCodeName = keyof typeof RPC_CODES;

const HTTP_STATUS: Record<RpcCodeName, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

export const ERROR_DOMAIN = "workspaces.api";

export interface FieldViolation {
  field: string;
  description: string;
}

export interface ApiErrorOptions {
  /** ErrorInfo.reason, UPPER_SNAKE (e.g. WORKSPACE_NOT_FOUND). */
  reason?: string;
  metadata?: Record<string, string>;
  fieldViolations?: FieldViolation[];
  /** Overrides the HTTP status of the code (413 for an oversized body). */
  httpStatus?: number;
  /** Extra response headers (Retry-After, Allow, WWW-Authenticate). */
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: RpcCodeName;
  readonly options: ApiErrorOptions;

  constructor(code: RpcCodeName, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.options = options;
  }

  get httpStatus(): number {
    return this.options.httpStatus ?? HTTP_STATUS[this.code];
  }

  /** The google.rpc.Status body (Kognitos rpcStatus). */
  toStatus(requestId?: string) {
    const details: Record<string, unknown>[] = [];
    if (this.options.reason) {
      details.push({
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: this.options.reason,
        domain: ERROR_DOMAIN,
        metadata: this.options.metadata ?? {},
      });
    }
    if (this.options.fieldViolations?.length) {
      details.push({
        "@type": "type.googleapis.com/google.rpc.BadRequest",
        field_violations: this.options.fieldViolations,
      });
    }
    if (requestId) {
      details.push({ "@type": "type.googleapis.com/google.rpc.RequestInfo", request_id: requestId });
    }
    return { code: RPC_CODES[this.code], message: this.message, details };
  }
}

export function invalidArgument(field: string, description: string, reason = "INVALID_ARGUMENT"): ApiError {
  return new ApiError("INVALID_ARGUMENT", `Invalid ${field}: ${description}`, {
    reason,
    fieldViolations: [{ field, description }],
  });
}

export function notFound(kind: string, name: string, metadata: Record<string, string> = {}): ApiError {
  const reason = `${kind.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}_NOT_FOUND`;
  return new ApiError("NOT_FOUND", `${kind} ${name} was not found.`, { reason, metadata });
}

export function permissionDenied(permission: string, resource: string): ApiError {
  return new ApiError("PERMISSION_DENIED", `The caller lacks permission '${permission}' on ${resource}.`, {
    reason: "PERMISSION_DENIED",
    metadata: { permission, resource },
  });
}

export function failedPrecondition(reason: string, message: string, metadata: Record<string, string> = {}): ApiError {
  return new ApiError("FAILED_PRECONDITION", message, { reason, metadata });
}

// Named constructors for the errors that recur across operations: one wording each.

/** A field set at create and never changed afterwards (AIP-203 IMMUTABLE). */
export function fieldImmutable(field: string): ApiError {
  return invalidArgument(field, `${field} is set when the resource is created and cannot be changed`, "FIELD_IMMUTABLE");
}

/** A page token that was not issued for this list request (tampered, foreign, or for other parameters). */
export function invalidPageToken(): ApiError {
  return new ApiError("INVALID_ARGUMENT", "Invalid page_token: it is malformed, expired, or was issued for different list parameters.", {
    reason: "INVALID_PAGE_TOKEN",
    fieldViolations: [{ field: "page_token", description: "not a token issued for this list request" }],
  });
}

/** An etag precondition that is not an etag. */
export function invalidEtag(field: string, description = 'must be an etag such as W/"3"'): ApiError {
  return invalidArgument(field, description, "INVALID_ETAG");
}

/** A path under /api/v1 that names no operation. */
export function unknownPath(method: string, path: string): ApiError {
  return new ApiError("NOT_FOUND", `No operation at ${method} ${path}.`, { reason: "UNKNOWN_PATH", metadata: { path } });
}

/** A request path whose percent-encoding is not UTF-8 (checked before any route sees it). */
export function malformedPath(): ApiError {
  return new ApiError("INVALID_ARGUMENT", "The request path is not valid percent-encoded UTF-8.", {
    reason: "MALFORMED_PATH",
    fieldViolations: [{ field: "(path)", description: "is not valid percent-encoded UTF-8" }],
  });
}

/** A known path asked with a method it does not answer. */
export function methodNotAllowed(allow: readonly string[]): ApiError {
  return new ApiError("INVALID_ARGUMENT", "Method not allowed on this path.", {
    reason: "METHOD_NOT_ALLOWED",
    httpStatus: 405,
    headers: { allow: allow.join(", ") },
  });
}

/** A request body that is not the JSON object an operation takes. */
export function malformedRequest(message = "The request must be a JSON object."): ApiError {
  return new ApiError("INVALID_ARGUMENT", message, { reason: "MALFORMED_JSON" });
}

/** A change to a workspace that its state forbids: DISABLED until enabled, TERMINATED for good. */
export function workspaceNotWritable(organizationId: string, workspaceId: string, state: "DISABLED" | "TERMINATED"): ApiError {
  const name = `organizations/${organizationId}/workspaces/${workspaceId}`;
  const metadata = { workspace_id: workspaceId, state };
  return state === "TERMINATED"
    ? new ApiError("FAILED_PRECONDITION", `Workspace ${name} is terminated and can no longer be changed.`, { reason: "WORKSPACE_TERMINATED", metadata })
    : new ApiError("FAILED_PRECONDITION", `Workspace ${name} is disabled; enable it before making changes.`, { reason: "WORKSPACE_DISABLED", metadata });
}

/** AIP-154: the etag a change was based on is stale. */
export function etagMismatch(resource: string, currentEtag: string, metadata: Record<string, string> = {}): ApiError {
  return new ApiError("ABORTED", `${resource} was changed since it was read (its etag is now ${currentEtag}); read it again and retry.`, {
    reason: "ETAG_MISMATCH",
    metadata: { ...metadata, current_etag: currentEtag },
  });
}

/** A conditional write that found the row changed between its read and its write. */
export function concurrentModification(resource: string): ApiError {
  return new ApiError("ABORTED", `${resource} was changed concurrently; read it again and retry.`, { reason: "CONCURRENT_MODIFICATION" });
}
