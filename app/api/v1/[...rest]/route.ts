import { ApiError } from "@/lib/api/errors";
import { requestIdOf, toErrorResponse } from "@/lib/api/http";

// Any path under /api/v1 that names no operation: 404 as rpcStatus JSON, never an HTML page.
function unknownPath(req: Request): Response {
  const path = new URL(req.url).pathname;
  return toErrorResponse(
    new ApiError("NOT_FOUND", `No operation at ${req.method} ${path}.`, { reason: "UNKNOWN_PATH", metadata: { path } }),
    requestIdOf(req),
  );
}

export { unknownPath as GET, unknownPath as POST, unknownPath as PUT, unknownPath as PATCH, unknownPath as DELETE };
