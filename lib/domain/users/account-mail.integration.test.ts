// Account mail: email verification links, "forgot password" (same answer for unknown addresses,
// single-use one-hour links), and a new password ending every session signed in before it.

import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { makeUser } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { db } from "@/lib/db";
import { callerFromSessionJwt } from "@/lib/auth/authenticate";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { isEmailVerified, resendVerificationEmail, verifyEmail } from "./verify-email";
import { verifyCredentials } from "./verify-credentials";

process.env.NEXTAUTH_SECRET ??= "account-mail-test-secret";

/** A self-service account: its address not yet confirmed (factory users are operator-made, confirmed). */
async function unverified(name: string) {
  const user = await makeUser(name);
  await (await db()).user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
  return user;
}

async function sessionJwtFor(userId: string, cv?: number): Promise<string> {
  return encode({ token: { sub: userId, ...(cv === undefined ? {} : { cv }) }, secret: process.env.NEXTAUTH_SECRET! });
}

describe("email verification", () => {
  it("confirms the address once; a second use and a forged link are refused", async () => {
    const user = await unverified("Unverified Una");
    expect(await isEmailVerified(user.ctx)).toBe(false);
    expect(await resendVerificationEmail(user.ctx)).toEqual({ sent: true });
    const token = await tokenFromOutbox(user.email, "verify-email");
    expect(await verifyEmail(token)).toEqual({ email: user.email, verified: true });
    expect(await isEmailVerified(user.ctx)).toBe(true);
    await expect(verifyEmail(token)).rejects.toMatchObject({ code: "FAILED_PRECONDITION", options: { reason: "LINK_USED" } });
    await expect(verifyEmail("forged")).rejects.toMatchObject({ code: "FAILED_PRECONDITION", options: { reason: "LINK_INVALID" } });
    expect(await resendVerificationEmail(user.ctx)).toEqual({ sent: false });
  });

  it("confirms nothing when the account's address changed since the link was sent", async () => {
    const user = await unverified("Moving Max");
    await resendVerificationEmail(user.ctx);
    const token = await tokenFromOutbox(user.email, "verify-email");
    const prisma = await db();
    await prisma.user.update({ where: { id: user.id }, data: { email: `moved.${user.email}` } });
    expect((await verifyEmail(token)).verified).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
  });
});

describe("password reset", () => {
  it("answers unknown addresses exactly like known ones and mails only real accounts", async () => {
    const user = await makeUser("Known Kim");
    const unknown = `nobody.${user.email}`;
    expect(await requestPasswordReset({ email: user.email })).toBeUndefined();
    expect(await requestPasswordReset({ email: unknown })).toBeUndefined();
    const prisma = await db();
    expect(await prisma.outboxMail.count({ where: { to: user.email, kind: "password_reset" } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { to: unknown } })).toBe(0);
    const row = await prisma.accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "PASSWORD_RESET" } });
    const minutes = (row.expireTime.getTime() - row.createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(60, 0);
    const token = await tokenFromOutbox(user.email, "reset-password");
    const stored = await prisma.$queryRawUnsafe<{ token_hash: string }[]>(`SELECT token_hash FROM account_tokens WHERE id = '${row.id}'`);
    expect(stored[0].token_hash).not.toBe(token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sets the new password once, ends older sessions, keeps new ones, and kills the other reset links", async () => {
    const user = await unverified("Forgetful Fay");
    const prisma = await db();
    const { credentialVersion } = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialVersion: true } });
    const oldSession = await sessionJwtFor(user.id, credentialVersion);
    const legacySession = await sessionJwtFor(user.id);
    expect(await callerFromSessionJwt(oldSession)).toMatchObject({ userId: user.id });
    expect(await callerFromSessionJwt(legacySession)).toMatchObject({ userId: user.id });

    await requestPasswordReset({ email: user.email.toUpperCase() });
    const first = await tokenFromOutbox(user.email, "reset-password");
    await requestPasswordReset({ email: user.email });
    const second = await tokenFromOutbox(user.email, "reset-password");
    expect(second).not.toBe(first);

    await expect(resetPassword({ token: second, password: "short" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(await resetPassword({ token: second, password: "a brand new password" })).toEqual({ email: user.email });
    expect(await verifyCredentials(user.email, user.password)).toBeNull();
    const signedIn = await verifyCredentials(user.email, "a brand new password");
    expect(signedIn?.credentialVersion).toBe(credentialVersion + 1);

    expect(await callerFromSessionJwt(oldSession)).toBeUndefined();
    expect(await callerFromSessionJwt(legacySession)).toBeUndefined();
    expect(await callerFromSessionJwt(await sessionJwtFor(user.id, signedIn!.credentialVersion))).toMatchObject({ userId: user.id });

    await expect(resetPassword({ token: second, password: "another new password" })).rejects.toMatchObject({ options: { reason: "LINK_USED" } });
    await expect(resetPassword({ token: first, password: "another new password" })).rejects.toMatchObject({ options: { reason: "LINK_USED" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("refuses an expired link and changes nothing", async () => {
    const user = await makeUser("Late Lou");
    await requestPasswordReset({ email: user.email });
    const token = await tokenFromOutbox(user.email, "reset-password");
    const prisma = await db();
    await prisma.accountToken.updateMany({ where: { userId: user.id }, data: { expireTime: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, password: "too late password" })).rejects.toMatchObject({ code: "FAILED_PRECONDITION", options: { reason: "LINK_EXPIRED" } });
    expect(await verifyCredentials(user.email, user.password)).toMatchObject({ id: user.id });
  });
});
