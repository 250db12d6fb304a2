import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";

/** GET /me: the caller as `{name, user_id, display_name, email, create_time}`. */
export async function getMe(ctx: RequestContext) {
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: ctx.caller.userId },
    select: { id: true, displayName: true, email: true, createdAt: true },
  });
  return {
    name: `users/${user.id}`,
    user_id: user.id,
    display_name: user.displayName,
    email: user.email,
    create_time: user.createdAt.toISOString(),
  };
}
