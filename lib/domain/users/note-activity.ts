// Users' last activity (`users.last_active_time`), shown in the member lists. It is noted on every
// authenticated API request and console page, so it must cost the request nothing: a user seen in
// this process within the window is skipped without a statement, and the write itself is not
// awaited by the caller, and its failure is only logged: a request never fails or waits for it.

import "server-only";
import { db } from "../../db";

/** The precision of `last_active_time`: at most one write per user per window and process. */
export const ACTIVITY_RESOLUTION_MS = 15 * 60_000;
// Enough for every user of a large installation; past it the oldest notes are forgotten (which
// only costs those users one more write).
const MAX_TRACKED_USERS = 50_000;

const notedAt = new Map<string, number>();

function remember(userId: string, at: number): void {
  notedAt.delete(userId);
  notedAt.set(userId, at);
  if (notedAt.size > MAX_TRACKED_USERS) {
    // Map iteration is insertion order and re-noted users move to the end: the first is the oldest.
    const oldest = notedAt.keys().next().value;
    if (oldest !== undefined) notedAt.delete(oldest);
  }
}

async function writeActivity(userId: string, now: Date): Promise<void> {
  const prisma = await db();
  const since = new Date(now.getTime() - ACTIVITY_RESOLUTION_MS);
  // The same guard in SQL: another instance (or this one after a restart) that wrote within the
  // window leaves the row alone, so instances do not turn each other's notes into writes.
  await prisma.$executeRaw`
    UPDATE users SET last_active_time = ${now}
     WHERE id = ${userId} AND (last_active_time IS NULL OR last_active_time <= ${since})`;
}

/**
 * Notes that `userId` was active at `now`. Returns the write when one was started (for tests), or
 * undefined when this process noted the user within the window (no statement). Callers do not
 * await it; the returned promise never rejects.
 */
export function noteActivity(userId: string, now: Date = new Date()): Promise<void> | undefined {
  const last = notedAt.get(userId);
  if (last !== undefined && now.getTime() - last < ACTIVITY_RESOLUTION_MS) return undefined;
  remember(userId, now.getTime());
  return writeActivity(userId, now).catch((error: unknown) => {
    // Not the error itself: it could carry the statement's parameters. Forgetting the note lets
    // a later request try again.
    notedAt.delete(userId);
    console.warn("last activity of a user was not recorded:", (error as { code?: string })?.code ?? (error as Error)?.name ?? "error");
  });
}
