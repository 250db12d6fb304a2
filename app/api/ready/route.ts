import { withPublic } from "@/lib/auth/route";
import { checkDatabase } from "@/lib/domain/health/check-database";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness: the database answers (503 UNAVAILABLE when it does not).
export const GET = withPublic(async () => {
  await checkDatabase();
  return { status: "ready" };
});
