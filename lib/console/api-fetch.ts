// The console's fetch wrapper for /api/v1: JSON in and out with the session cookie, and every
// error turned into an ApiRequestError carrying the server's rpcStatus message and request id.
// Client-safe: no server imports.

export interface FieldViolation {
  field: string;
  description: string;
}

interface RpcStatusBody {
  code?: number;
  message?: string;
  details?: Array<Record<string, unknown>>;
}

export class ApiRequestError extends Error {
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** google.rpc.Code number, when the server sent an rpcStatus body. */
  readonly code: number | undefined;
  readonly reason: string;
  readonly requestId: string;
  readonly fieldViolations: FieldViolation[];

  constructor(
    message: string,
    init: { status: number; code?: number; reason?: string; requestId?: string; fieldViolations?: FieldViolation[] },
  ) {
    super(message);
    this.name = "ApiRequestError";
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason ?? "";
    this.requestId = init.requestId ?? "";
    this.fieldViolations = init.fieldViolations ?? [];
  }
}

function detailOf(body: RpcStatusBody, type: string): Record<string, unknown> | undefined {
  return body.details?.find((d) => d["@type"] === `type.googleapis.com/google.rpc.${type}`);
}

async function errorFrom(res: Response): Promise<ApiRequestError> {
  const headerId = res.headers.get("x-request-id") ?? "";
  let body: RpcStatusBody | undefined;
  try {
    body = (await res.json()) as RpcStatusBody;
  } catch {
    body = undefined;
  }
  if (!body || typeof body.message !== "string") {
    return new ApiRequestError(`The server answered ${res.status} ${res.statusText}`.trim() + ".", {
      status: res.status,
      requestId: headerId,
    });
  }
  const info = detailOf(body, "ErrorInfo");
  const requestInfo = detailOf(body, "RequestInfo");
  const badRequest = detailOf(body, "BadRequest");
  return new ApiRequestError(body.message, {
    status: res.status,
    code: body.code,
    reason: typeof info?.reason === "string" ? info.reason : "",
    requestId: typeof requestInfo?.request_id === "string" ? requestInfo.request_id : headerId,
    fieldViolations: Array.isArray(badRequest?.field_violations) ? (badRequest.field_violations as FieldViolation[]) : [],
  });
}

/** Calls `/api/v1{path}` and returns the parsed JSON body; throws ApiRequestError on any failure. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      credentials: "same-origin",
      ...rest,
      headers: {
        accept: "application/json",
        ...(json === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiRequestError("The server could not be reached. Check your connection and try again.", { status: 0 });
  }
  if (!res.ok) throw await errorFrom(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
