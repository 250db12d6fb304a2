import { jsonResponse, requestIdOf, toErrorResponse } from "@/lib/api/http";
import { checkDatabase } from "@/lib/domain/health/check-database";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: the database answers (503 UNAVAILABLE when it does not).
export async function GET(req: Request): Promise<Response> {
  const requestId = requestIdOf(req);
  try {
    await checkDatabase();
    return jsonResponse({ status: "ready" }, 200, { "x-request-id": requestId });
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
}
