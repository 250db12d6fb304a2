// Outbox delivery. A worker claims due mails with `FOR UPDATE SKIP LOCKED` and, in the same
// statement, pushes their next attempt past a lease: another worker (another server instance)
// skips rows being claimed and finds claimed rows not due, so no mail is sent twice. A worker
// that dies mid-send leaves its rows to be retried once the lease runs out. Mail of a deleted
// organization or workspace is never claimed: it is cancelled (domain/mail/cancel-mail.ts).

import { Prisma } from "../generated/prisma/client";
import type { Db } from "../prisma-client";
import { cancelMailOfDeletedOrganizations, cancelMailOfDeletedWorkspaces } from "../domain/mail/cancel-mail";
import { withoutLinks } from "../domain/mail/without-links";

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface DeliveryOptions {
  /** Mails claimed per run. */
  batchSize?: number;
  /** How long a claim keeps other workers off a mail. */
  leaseMs?: number;
  /** Delay before the first retry; doubled per attempt, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts before a mail is marked FAILED. */
  maxAttempts?: number;
}

export const DELIVERY_DEFAULTS: Required<DeliveryOptions> = {
  batchSize: 20,
  leaseMs: 5 * 60_000,
  backoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  maxAttempts: 6,
};


/** Messages from SMTP servers may quote the recipient or our own text; keep them short and one line. */
function errorText(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const text = [e?.responseCode, e?.code, e?.message].filter(Boolean).join(" ");
  return (text || "delivery failed").replace(/\s+/g, " ").slice(0, 500);
}

export async function claimDueMails(prisma: Db, options: DeliveryOptions = {}): Promise<(OutgoingMail & { attempts: number })[]> {
  const o = { ...DELIVERY_DEFAULTS, ...options };
  return prisma.$queryRaw<(OutgoingMail & { attempts: number })[]>(Prisma.sql`
    UPDATE outbox_mails
       SET attempts = attempts + 1,
           next_attempt_time = now() + make_interval(secs => ${o.leaseMs / 1000}),
           update_time = now()
     WHERE id IN (SELECT m.id FROM outbox_mails m
                   WHERE m.status = 'QUEUED' AND m.next_attempt_time <= now()
                     AND (m.organization_id IS NULL
                          OR m.organization_id IN (SELECT id FROM organizations WHERE delete_time IS NULL))
                     AND (m.workspace_id IS NULL
                          OR EXISTS (SELECT 1 FROM workspaces w WHERE w.id = m.workspace_id AND w.delete_time IS NULL))
                   ORDER BY m.next_attempt_time, m.id
                   LIMIT ${o.batchSize}
                   FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends every due mail once; records each outcome. */
export async function deliverDueMails(prisma: Db, mailer: Mailer, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const o = { ...DELIVERY_DEFAULTS, ...options };
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  // A deleted organization or workspace sends nothing more (its delete cancels its mail; this
  // catches a race).
  await cancelMailOfDeletedOrganizations(prisma);
  await cancelMailOfDeletedWorkspaces(prisma);
  const claimed = await claimDueMails(prisma, o);
  for (const mail of claimed) {
    try {
      await mailer.send(mail);
      await prisma.outboxMail.update({
        where: { id: mail.id },
        // After delivery, the single-use link leaves the stored copy: the token then exists nowhere.
        data: { status: "SENT", sentAt: new Date(), lastError: "", text: withoutLinks(mail.text), html: withoutLinks(mail.html) },
      });
      report.sent++;
    } catch (error) {
      const lastError = errorText(error);
      if (mail.attempts >= o.maxAttempts) {
        await prisma.outboxMail.update({ where: { id: mail.id }, data: { status: "FAILED", lastError } });
        report.failed++;
      } else {
        const delay = Math.min(o.backoffMs * 2 ** (mail.attempts - 1), o.maxBackoffMs);
        await prisma.outboxMail.update({ where: { id: mail.id }, data: { lastError, nextAttemptTime: new Date(Date.now() + delay) } });
        report.retrying++;
      }
    }
  }
  return report;
}

/**
 * Without SMTP_URL nothing is sent: each new mail is noted once in the server log (recipient,
 * kind and subject; never the body, whose link is a credential) and stays QUEUED in the outbox,
 * where organization admins see it, and from where it is sent once SMTP_URL is set.
 */
export async function noteUndeliveredMails(prisma: Db, log: (line: string) => void = console.log): Promise<number> {
  const rows = await prisma.$queryRaw<{ id: string; kind: string; to: string; subject: string }[]>(Prisma.sql`
    UPDATE outbox_mails SET last_error = 'not sent: SMTP_URL is not set', update_time = now()
     WHERE id IN (SELECT id FROM outbox_mails WHERE status = 'QUEUED' AND last_error = '' AND attempts = 0
                   ORDER BY create_time LIMIT 100 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "to", subject`);
  for (const r of rows) log(`[mail] queued ${r.id} (${r.kind || "mail"}) to ${r.to}: "${r.subject}" — SMTP_URL is not set, kept in the outbox`);
  return rows.length;
}
