import { unknownPath } from "@/lib/api/errors";
import { requestIdOf, toErrorResponse } from "@/lib/api/http";

// Any path under /api/v1 that names no operation: 404 as rpcStatus JSON, never an HTML page.
function unknown(req: Request): Response {
  return toErrorResponse(unknownPath(req.method, new URL(req.url).pathname), requestIdOf(req));
}

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
