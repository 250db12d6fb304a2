// Audit log schemas (API.md §8): one entry per change, read-only through the API.

import { z } from "zod";

export const AUDIT_ACTOR_TYPES = ["USER", "ACCESS_KEY", "SYSTEM"] as const;

export const AuditLogEntryOutput = z.object({
  name: z.string(),
  audit_log_id: z.string(),
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string(), email: z.string() }),
  resource: z.string(),
  organization_id: z.string(),
  workspace_id: z.string(),
  request_id: z.string(),
  ip: z.string(),
  user_agent: z.string(),
  create_time: z.string(),
  /** `{before, after}` (and sometimes a reason or comment), secrets redacted when written. */
  changes: z.record(z.string(), z.unknown()),
});
export type AuditLogEntryOutput = z.infer<typeof AuditLogEntryOutput>;

export const ListAuditLogsOutput = z.object({
  audit_logs: z.array(AuditLogEntryOutput),
  next_page_token: z.string(),
});
export type ListAuditLogsOutput = z.infer<typeof ListAuditLogsOutput>;

/** The CSV export's columns, in order. */
export const AUDIT_CSV_COLUMNS = [
  "create_time", "action", "actor_type", "actor_id", "actor_email", "resource", "organization_id",
  "workspace_id", "request_id", "ip", "user_agent", "changes",
] as const;
