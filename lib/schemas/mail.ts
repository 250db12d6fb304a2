// The outbox as organization admins see it (the Mail page, ListOutboxMails). Client-safe.

import { z } from "zod";

export const MAIL_STATUSES = ["QUEUED", "SENT", "FAILED", "CANCELLED"] as const;

export const OutboxMailOutput = z.object({
  mail_id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  last_error: z.string(),
  create_time: z.string(),
  next_attempt_time: z.string(),
  sent_time: z.string().nullable(),
  /** The bodies; a delivered mail's single-use link is no longer in them. */
  text: z.string(),
  html: z.string(),
});
export type OutboxMailOutput = z.infer<typeof OutboxMailOutput>;

export const ListOutboxMailsOutput = z.object({
  mails: z.array(OutboxMailOutput),
  next_page_token: z.string(),
});
export type ListOutboxMailsOutput = z.infer<typeof ListOutboxMailsOutput>;
