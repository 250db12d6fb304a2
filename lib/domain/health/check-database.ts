import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";

export async function checkDatabase(): Promise<void> {
  try {
    const prisma = await db();
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    console.error("readiness check failed:", (error as Error).message);
    throw new ApiError("UNAVAILABLE", "The database is unavailable.", { reason: "DATABASE_UNAVAILABLE" });
  }
}
