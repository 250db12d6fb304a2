import "server-only";
import { db } from "../../db";
import { dummyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from "../../auth/password";
import { normalizeEmail } from "../../schemas/common";

/**
 * Checks an email and password. Unknown emails cost the same hash verification as wrong
 * passwords, and both give the same answer (no account enumeration).
 */
export async function verifyCredentials(email: string, password: string) {
  if (!email || !password || password.length > MAX_PASSWORD_LENGTH) return null;
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, displayName: true, passwordHash: true, credentialVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, credentialVersion: user.credentialVersion };
}
