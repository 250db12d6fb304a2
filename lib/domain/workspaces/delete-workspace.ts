import "server-only";
import { db } from "../../db";
import { actorOf, type RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { EtagPreconditions } from "../../api/etag";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { cancelMailOfDeletedWorkspaces } from "../mail/cancel-mail";
import { changeWorkspaceRow, requireWritable } from "./workspace-changes";
import { makeTransition, transitionsOf } from "./workspace-state";
import { workspaceName } from "./workspace-output";

/** How long a soft-deleted workspace can be restored before it is purged. */
export const PURGE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * DELETE …/workspaces/{ws}: soft delete (AIP-164). The workspace turns DELETED, leaves lists and
 * member views, and frees its title (activeTitleKey NULL) until it is restored or purged. Its
 * invitations' queued mail is cancelled (an invitation into a deleted workspace cannot be accepted).
 */
export async function deleteWorkspace(ctx: RequestContext, access: WorkspaceAccess, options: { preconditions?: EtagPreconditions } = {}): Promise<void> {
  const ref = { organizationId: access.organizationId, workspaceId: access.workspaceId };
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const purgeTime = new Date(now.getTime() + PURGE_AFTER_MS);
    const change = await changeWorkspaceRow(tx, ref, {
      preconditions: options.preconditions,
      plan: (row) => {
        requireWritable(ref, row);
        return {
          state: "DELETED",
          deleteTime: now,
          purgeTime,
          activeTitleKey: null,
          stateTransitions: [...transitionsOf(row.stateTransitions), makeTransition(row.state, "DELETED", actorOf(ctx), now)],
        };
      },
    });
    const cancelledMails = await cancelMailOfDeletedWorkspaces(tx, ref.workspaceId);
    await writeAuditEntry(tx, ctx, {
      organizationId: ref.organizationId,
      workspaceId: ref.workspaceId,
      action: "workspace.delete",
      resource: workspaceName(ref.organizationId, ref.workspaceId),
      changes: {
        before: { state: change.before.state, delete_time: null, purge_time: null },
        after: { state: "DELETED", delete_time: now.toISOString(), purge_time: purgeTime.toISOString() },
        ...(cancelledMails ? { cancelled_mails: cancelledMails } : {}),
      },
    });
  });
}
