// The outbox's one writer: a mail row is inserted by the transaction of the change that causes
// it, so a rolled-back change sends nothing and a committed one is never without its mail.

import type { SqlTx } from "../../prisma-client";
import { newId } from "../../ids";
import { insertRows } from "../insert-rows";
import type { ComposedMail } from "./templates";

/** A mail to queue; `workspaceId` ties an invitation's mail to its workspace (deleting it cancels the mail). */
export type QueuedMail = ComposedMail & { workspaceId?: string | null };

export async function enqueueMails(tx: SqlTx, mails: QueuedMail[], organizationId: string | null = null): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = mails.map((m) => ({
    id: newId("mail"),
    kind: m.kind,
    organization_id: organizationId,
    workspace_id: m.workspaceId ?? null,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
  }));
  await insertRows(tx, "outbox_mails", { id: "text", kind: "text", organization_id: "text", workspace_id: "text", to: "text", subject: "text", text: "text", html: "text" }, rows);
  return rows.map((r) => r.id);
}

export async function enqueueMail(tx: SqlTx, mail: QueuedMail, organizationId: string | null = null): Promise<string> {
  const [id] = await enqueueMails(tx, [mail], organizationId);
  return id;
}
