// Signing out ends a session on every instance, not only in the browser that signed out: the
// session JWT carries a random `sid` from sign-in, and sign-out records it in the database,
// which every instance reads when it checks a session (next to the credential version).

import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";

/** The longest a session lives (next-auth's maxAge, lib/auth/next-auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const newSessionId = () => randomUUID();

export function sessionIdOf(claim: unknown): string | undefined {
  return typeof claim === "string" && claim.length > 0 && claim.length <= 64 ? claim : undefined;
}

/** Records that session `sid` ended; `exp` (seconds since the epoch) is when its token expires anyway. */
export async function endSession(sid: unknown, exp: unknown): Promise<void> {
  const id = sessionIdOf(sid);
  if (!id) return;
  const expireTime = new Date(typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const prisma = await db();
  await prisma.endedSession.upsert({ where: { id }, create: { id, expireTime }, update: {} });
}

/** True when the session was signed out (anywhere). Sessions from before `sid` existed have none. */
export async function sessionEnded(sid: unknown): Promise<boolean> {
  const id = sessionIdOf(sid);
  if (!id) return false;
  const prisma = await db();
  return (await prisma.endedSession.count({ where: { id } })) > 0;
}

/** For the job runner: rows of sessions whose tokens have expired anyway are no longer needed. */
export async function forgetExpiredEndedSessions(): Promise<number> {
  const prisma = await db();
  return (await prisma.endedSession.deleteMany({ where: { expireTime: { lt: new Date() } } })).count;
}
