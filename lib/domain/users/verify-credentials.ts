import "server-only";
import { db } from "../../db";
import { dummyPasswordHash, verifyPassword } from "../../auth/password";
import { SignInInput } from "../../schemas/users";

/**
 * Checks an email and password. Unknown emails cost the same hash verification as wrong
 * passwords, and both give the same answer (no account enumeration).
 */
export async function verifyCredentials(email: string, password: string) {
  // The sign-in form checks with the same schema; a malformed address has no account to find.
  const input = SignInInput.safeParse({ email, password });
  if (!input.success) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: input.data.email },
    select: { id: true, email: true, displayName: true, passwordHash: true, credentialVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.data.password);
  if (!user || !user.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, credentialVersion: user.credentialVersion };
}
