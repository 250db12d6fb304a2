// The end of a time-boxed support grant. Reads already treat an expired grant as off (see
// supportAccessActive); this records the end: `endExpiredSupportAccess(now)` is the job that
// clears expired grants and writes one `support_access.end` audit entry each, with the product
// as the actor. Until the job runs, the row still says granted, but nothing reads it as such.

import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { Db, Tx } from "../../prisma-client";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { workspacePreferencesName } from "./preferences-output";

export const SYSTEM_ACTOR = { type: "SYSTEM" as const, id: "system", email: "" };

export function systemContext(job: string): RequestContext {
  return {
    caller: { userId: "system", email: "", displayName: "System" },
    requestId: `${job}_${randomUUID().replaceAll("-", "")}`,
    ip: "",
    userAgent: "",
  };
}

export async function recordSupportAccessEnd(
  tx: Tx,
  ctx: RequestContext,
  entry: { organizationId: string; workspaceId: string; resource: string; expireTime: Date },
): Promise<void> {
  await writeAuditEntry(tx, ctx, {
    organizationId: entry.organizationId,
    workspaceId: entry.workspaceId,
    resource: entry.resource,
    action: "support_access.end",
    actor: SYSTEM_ACTOR,
    changes: {
      reason: "EXPIRED",
      before: { support_team_access: true, support_access_expire_time: entry.expireTime.toISOString() },
      after: { support_team_access: false, support_access_expire_time: null },
    },
  });
}

/**
 * Ends every support grant whose expiry is at or before `now`; returns how many it ended.
 * Safe on several instances at once: each row is ended by a version-checked update, so a grant
 * ended (or extended) by another instance or a user in between is left alone and no second
 * entry is written.
 */
export async function endExpiredSupportAccess(now = new Date(), client?: Db, batchSize = 500): Promise<number> {
  const prisma = client ?? (await db());
  const ctx = systemContext("job_support_access");
  let ended = 0;
  for (;;) {
    const due = await prisma.workspacePreferences.findMany({
      where: { supportTeamAccess: true, supportAccessExpireTime: { lte: now } },
      select: { workspaceId: true, version: true, supportAccessExpireTime: true, workspace: { select: { organizationId: true } } },
      take: batchSize,
    });
    if (due.length === 0) return ended;
    for (const row of due) {
      const done = await prisma.$transaction(async (tx) => {
        // Only if nobody changed the grant since it was read (a user may have extended it).
        const w = await tx.workspacePreferences.updateMany({
          where: { workspaceId: row.workspaceId, version: row.version, supportTeamAccess: true, supportAccessExpireTime: { lte: now } },
          data: { supportTeamAccess: false, supportAccessExpireTime: null, version: { increment: 1 } },
        });
        if (w.count !== 1) return false;
        const organizationId = row.workspace.organizationId;
        await recordSupportAccessEnd(tx, ctx, {
          organizationId,
          workspaceId: row.workspaceId,
          resource: workspacePreferencesName(organizationId, row.workspaceId),
          expireTime: row.supportAccessExpireTime!,
        });
        return true;
      });
      if (done) ended++;
    }
    if (due.length < batchSize) return ended;
  }
}
