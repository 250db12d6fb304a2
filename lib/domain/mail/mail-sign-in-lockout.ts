// The mail to an account's owner when its sign-ins start backing off after repeated wrong
// passwords. The caller decides how often (lib/api/rate-limit's claimSignInAlert: once per
// lockout window); an address with no account gets nothing, and the sign-in's answer is the same.

import "server-only";
import { db } from "../../db";
import { normalizeEmail } from "../../schemas/common";
import { enqueueMail } from "./enqueue-mail";
import { signInLockoutMail } from "./templates";

export async function mailSignInLockout(email: string, ip: string): Promise<boolean> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) }, select: { email: true } });
  if (!user) return false;
  await prisma.$transaction((tx) => enqueueMail(tx, signInLockoutMail(user.email, ip, new Date())));
  return true;
}
