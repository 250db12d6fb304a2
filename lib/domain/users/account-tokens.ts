// Single-use account links (email verification, password reset): 256 random bits in the mailed
// link, a SHA-256 of them in the database, consumed under a row lock so a link works once.

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "../../api/errors";
import { newId } from "../../ids";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../../prisma-client";

export type AccountTokenPurpose = "EMAIL_VERIFICATION" | "PASSWORD_RESET";

export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  EMAIL_VERIFICATION: 48 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
};

export const hashAccountToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueAccountToken(
  tx: Tx,
  user: { id: string; email: string },
  purpose: AccountTokenPurpose,
): Promise<{ token: string; expireTime: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expireTime = new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[purpose]);
  await tx.accountToken.create({ data: { id: newId("atk"), userId: user.id, purpose, email: user.email, tokenHash: hashAccountToken(token), expireTime } });
  return { token, expireTime };
}

const LINK_WORDS: Record<AccountTokenPurpose, string> = {
  EMAIL_VERIFICATION: "email confirmation link",
  PASSWORD_RESET: "password reset link",
};

function linkRefused(purpose: AccountTokenPurpose, reason: string, why: string): ApiError {
  return new ApiError("FAILED_PRECONDITION", `This ${LINK_WORDS[purpose]} ${why}.`, { reason });
}

/**
 * Consumes a link: locks its row, refuses it when unknown, used or expired (FAILED_PRECONDITION
 * naming which), and marks it used. The caller's transaction then makes the change it allows.
 */
export async function consumeAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose): Promise<{ userId: string; email: string }> {
  const rows = token && token.length <= 512
    ? await tx.$queryRaw<{ id: string; user_id: string; email: string; expire_time: Date; used_time: Date | null }[]>(Prisma.sql`
        SELECT id, user_id, email, expire_time, used_time FROM account_tokens
         WHERE token_hash = ${hashAccountToken(token)} AND purpose = ${purpose}::"AccountTokenPurpose"
         FOR UPDATE`)
    : [];
  const row = rows[0];
  if (!row) throw linkRefused(purpose, "LINK_INVALID", "is not valid");
  if (row.used_time) throw linkRefused(purpose, "LINK_USED", "has already been used; a link works once");
  if (row.expire_time <= new Date()) throw linkRefused(purpose, "LINK_EXPIRED", "has expired; ask for a new one");
  await tx.accountToken.update({ where: { id: row.id }, data: { usedTime: new Date() } });
  return { userId: row.user_id, email: row.email };
}
