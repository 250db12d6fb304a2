// Deleting an organization or a workspace stops the mail queued for it: what is still queued is
// cancelled with the reason recorded, and stays cancelled if it is restored (its admins resend the
// invitations that still matter, with new links). Run in the delete's transaction, and by the mail
// worker before each claim, so a mail queued by a change racing the delete is caught too.

import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../../prisma-client";
import { withoutLinks } from "./without-links";

export const CANCELLED_ORGANIZATION_DELETED = "not sent: the organization was deleted";
export const CANCELLED_WORKSPACE_DELETED = "not sent: the workspace was deleted";

/** Cancels the queued mails of deleted organizations (of the one given, or of all); returns how many. */
export async function cancelMailOfDeletedOrganizations(tx: Db | Tx, organizationId?: string): Promise<number> {
  const onlyThis = organizationId ? Prisma.sql`AND id = ${organizationId}` : Prisma.empty;
  return cancelQueued(
    tx,
    CANCELLED_ORGANIZATION_DELETED,
    Prisma.sql`organization_id IN (SELECT id FROM organizations WHERE delete_time IS NOT NULL ${onlyThis})`,
  );
}

/**
 * Cancels the queued invitation mails of deleted workspaces (of the one given, or of all);
 * returns how many. A workspace already purged counts as deleted.
 */
export async function cancelMailOfDeletedWorkspaces(tx: Db | Tx, workspaceId?: string): Promise<number> {
  const onlyThis = workspaceId ? Prisma.sql`AND m.workspace_id = ${workspaceId}` : Prisma.empty;
  return cancelQueued(
    tx,
    CANCELLED_WORKSPACE_DELETED,
    Prisma.sql`m.workspace_id IS NOT NULL ${onlyThis}
       AND NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = m.workspace_id AND w.delete_time IS NULL)`,
  );
}

async function cancelQueued(tx: Db | Tx, reason: string, which: Prisma.Sql): Promise<number> {
  const cancelled = await tx.$queryRaw<{ id: string; text: string; html: string }[]>(Prisma.sql`
    UPDATE outbox_mails m SET status = 'CANCELLED', last_error = ${reason}, update_time = now()
     WHERE m.status = 'QUEUED' AND ${which}
    RETURNING m.id, m.text, m.html`);
  // Never to be sent, so its single-use link leaves the stored copy as a delivered one's does.
  for (const m of cancelled) {
    await tx.outboxMail.update({ where: { id: m.id }, data: { text: withoutLinks(m.text, "not sent"), html: withoutLinks(m.html, "not sent") } });
  }
  return cancelled.length;
}
