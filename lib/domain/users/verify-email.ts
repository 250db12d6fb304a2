import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { enqueueMail } from "../mail/enqueue-mail";
import { verificationMail } from "../mail/templates";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";

/**
 * Confirms an address through its link. A link mailed to an address the account no longer has
 * confirms nothing (it is still used up).
 */
export async function verifyEmail(token: string): Promise<{ email: string; verified: boolean }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { userId, email } = await consumeAccountToken(tx, token, "EMAIL_VERIFICATION");
    const changed = await tx.user.updateMany({ where: { id: userId, email }, data: { emailVerifiedAt: new Date() } });
    return { email, verified: changed.count === 1 };
  });
}

/** Mails a new confirmation link to the signed-in user, unless their address is confirmed already. */
export async function resendVerificationEmail(ctx: RequestContext): Promise<{ sent: boolean }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.caller.userId }, select: { id: true, email: true, displayName: true, emailVerifiedAt: true } });
    if (user.emailVerifiedAt) return { sent: false };
    const { token, expireTime } = await issueAccountToken(tx, user, "EMAIL_VERIFICATION");
    await enqueueMail(tx, verificationMail(user.email, user.displayName, token, expireTime));
    return { sent: true };
  });
}

/** For the console's banner. */
export async function isEmailVerified(ctx: RequestContext): Promise<boolean> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: ctx.caller.userId }, select: { emailVerifiedAt: true } });
  return Boolean(user?.emailVerifiedAt);
}
