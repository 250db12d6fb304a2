import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import { parseWith } from "../../api/http";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../auth/password";
import { emailSchema, trimmedText } from "../../schemas/common";
import { text } from "../../schemas/text";

export const UserCreateInput = z.strictObject({
  email: emailSchema,
  display_name: trimmedText("display_name", 1, 256),
  password: text("password")
    .min(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` }),
});
export type UserCreateInput = z.input<typeof UserCreateInput>;

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
