import "server-only";
import { db } from "../../db";
import { parseWith } from "../../api/http";
import { limitPasswordReset } from "../../api/rate-limit";
import { hashPassword } from "../../auth/password";
// Client-safe schemas: the forgot and reset forms check with the same ones.
import { PasswordResetInput, PasswordResetRequestInput } from "../../schemas/users";
import { enqueueMail } from "../mail/enqueue-mail";
import { passwordResetMail } from "../mail/templates";
import { consumeAccountToken, issueAccountToken } from "./account-tokens";

/**
 * "Forgot password?": an account with this address gets a single-use link valid for one hour.
 * The answer is the same whether or not the address has an account (nothing is returned); the
 * only difference in work is one small transaction writing the link and its mail. Requests are
 * limited per IP and per address (with back-off), counted alike for addresses with no account.
 */
export async function requestPasswordReset(raw: PasswordResetRequestInput, meta: { ip?: string } = {}): Promise<void> {
  const { email } = parseWith(PasswordResetRequestInput, raw);
  await limitPasswordReset(email, meta.ip ?? "");
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return;
  await prisma.$transaction(async (tx) => {
    const { token, expireTime } = await issueAccountToken(tx, user, "PASSWORD_RESET");
    await enqueueMail(tx, passwordResetMail(user.email, token, expireTime));
  });
}

/**
 * Sets a new password through a reset link. The link is used up, so are the account's other
 * reset links, and the credential version goes up: every session signed in before is refused
 * from its next request on. The link proves the address, so it counts as verified.
 */
export async function resetPassword(raw: PasswordResetInput): Promise<{ email: string }> {
  const input = parseWith(PasswordResetInput, raw);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { userId, email } = await consumeAccountToken(tx, input.token, "PASSWORD_RESET");
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        credentialVersion: { increment: 1 },
        ...(user.emailVerifiedAt == null && user.email === email ? { emailVerifiedAt: new Date() } : {}),
      },
    });
    await tx.accountToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedTime: null }, data: { usedTime: new Date() } });
    return { email: user.email };
  });
}
