// Deleting an organization stops its outgoing mail: what is still queued is cancelled with the
// reason recorded, and stays cancelled if the organization is restored (its admins resend the
// invitations that still matter, with new links). Run in the delete's transaction, and by the
// mail worker before each claim, so a mail queued by a change racing the delete is caught too.

import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../../prisma-client";
import { withoutLinks } from "./without-links";

export const CANCELLED_ORGANIZATION_DELETED = "not sent: the organization was deleted";

/** Cancels the queued mails of deleted organizations (of the one given, or of all); returns how many. */
export async function cancelMailOfDeletedOrganizations(tx: Db | Tx, organizationId?: string): Promise<number> {
  const onlyThis = organizationId ? Prisma.sql`AND id = ${organizationId}` : Prisma.empty;
  const cancelled = await tx.$queryRaw<{ id: string; text: string; html: string }[]>(Prisma.sql`
    UPDATE outbox_mails SET status = 'CANCELLED', last_error = ${CANCELLED_ORGANIZATION_DELETED}, update_time = now()
     WHERE status = 'QUEUED'
       AND organization_id IN (SELECT id FROM organizations WHERE delete_time IS NOT NULL ${onlyThis})
    RETURNING id, text, html`);
  // Never to be sent, so its single-use link leaves the stored copy as a delivered one's does.
  for (const m of cancelled) {
    await tx.outboxMail.update({ where: { id: m.id }, data: { text: withoutLinks(m.text, "not sent"), html: withoutLinks(m.html, "not sent") } });
  }
  return cancelled.length;
}
