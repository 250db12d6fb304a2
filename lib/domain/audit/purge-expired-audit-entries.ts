// Retention: AUDIT_RETENTION_DAYS (a positive integer) deletes entries older than that many days;
// unset keeps them forever. The only deletion of audit entries in the product, run as a job,
// never reachable through the API.

import "server-only";
import { db } from "../../db";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention in days, or null (keep forever). A value that is not a positive integer is refused loudly. */
export function auditRetentionDays(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.AUDIT_RETENTION_DAYS?.trim();
  if (!raw) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new Error(`AUDIT_RETENTION_DAYS must be a positive whole number of days, not '${raw}'`);
  }
  return Number(raw);
}

/** Deletes entries past the retention; returns how many. Keeps everything when no retention is set. */
export async function purgeExpiredAuditEntries(now = new Date(), retentionDays = auditRetentionDays()): Promise<number> {
  if (retentionDays == null) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const prisma = await db();
  const { count } = await prisma.auditLogEntry.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
