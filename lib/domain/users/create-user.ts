import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import { parseWith } from "../../api/http";
import { hashPassword } from "../../auth/password";
// The schema is client-safe (lib/schemas), so the sign-up forms check exactly what this parses.
import { UserCreateInput } from "../../schemas/users";

/**
 * Creates a user with a hashed password, for the operator CLI and the demo seed. The operator
 * vouches for the address, so it counts as confirmed (self-service sign-up mails a link instead).
 */
export async function createUser(raw: UserCreateInput): Promise<{ id: string; email: string; displayName: string }> {
  const input = parseWith(UserCreateInput, raw);
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { id: newId("usr"), email: input.email, displayName: input.display_name, passwordHash, emailVerifiedAt: new Date() },
      select: { id: true, email: true, displayName: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new ApiError("ALREADY_EXISTS", `A user with email ${input.email} already exists.`, { reason: "USER_EXISTS" });
    }
    throw error;
  }
}
