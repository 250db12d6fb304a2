// What both Activity pages do with their URL: read the filter form, make the AIP filter in the
// page's time zone, list one page, and say why when the list is refused.

import "server-only";
import { ApiError } from "@/lib/api/errors";
import { activityFilter, type ActivityFilterForm } from "@/lib/console/activity-filter";
import { listAuditLogs, type AuditScope } from "@/lib/domain/audit/list-audit-logs";
import type { AuditLogEntryOutput } from "@/lib/schemas/audit";

export type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function activityForm(sp: SearchParams): ActivityFilterForm {
  return { action: one(sp.action), actor: one(sp.actor), resource: one(sp.resource), from: one(sp.from), to: one(sp.to) };
}

export type ActivityPage =
  | { kind: "ok"; filter: string; entries: AuditLogEntryOutput[]; nextPageToken: string; onFirstPage: boolean }
  | { kind: "error"; message: string };

export async function loadActivityPage(scope: AuditScope, sp: SearchParams, zone: string): Promise<ActivityPage> {
  const filter = activityFilter(activityForm(sp), zone);
  const pageToken = one(sp.page_token);
  try {
    const page = await listAuditLogs(scope, { filter, page_token: pageToken, page_size: "50" });
    return { kind: "ok", filter, entries: page.audit_logs, nextPageToken: page.next_page_token, onFirstPage: !pageToken };
  } catch (error) {
    if (error instanceof ApiError && error.code === "INVALID_ARGUMENT") return { kind: "error", message: error.message };
    throw error;
  }
}
