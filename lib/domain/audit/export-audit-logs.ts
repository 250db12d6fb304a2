import "server-only";
import { planList } from "../../api/list";
import { AUDIT_CSV_COLUMNS } from "../../schemas/audit";
import { readAuditPage, type AuditScope } from "./list-audit-logs";
import { auditListSpec } from "./audit-list-spec";
import type { AuditRow } from "./audit-output";
import { csvRecord } from "./csv-writer";

function csvRow(row: AuditRow): string {
  return csvRecord([
    row.createdAt.toISOString(),
    row.action,
    row.actorType,
    row.actorId,
    row.actorEmail,
    row.resource,
    row.organizationId,
    row.workspaceId ?? "",
    row.requestId,
    row.ip,
    row.userAgent,
    JSON.stringify(row.changes ?? {}),
  ]);
}

/**
 * ExportAuditLogs: the entries matching `filter`, newest first, as CSV. The filter is checked
 * before the stream is returned (so a bad one is a 400, not a broken download); then each pull
 * reads one keyset batch, so memory stays bounded by the batch, whatever the range.
 */
/** Rows per read: entries carry before/after documents, so a batch is kept to a few megabytes. */
export const EXPORT_BATCH_SIZE = 500;

export function exportAuditLogs(scope: AuditScope, params: { filter?: string | null }, batchSize = EXPORT_BATCH_SIZE): ReadableStream<Uint8Array> {
  const tokenScope = [...scope.tokenScope, "export"];
  const first = planList(auditListSpec, { filter: params.filter, page_size: String(batchSize) }, tokenScope);
  const encoder = new TextEncoder();
  let pageToken: string | null = null;
  let headerSent = false;
  let done = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvRecord(AUDIT_CSV_COLUMNS)));
          return;
        }
        if (done) return;
        const plan = pageToken ? planList(auditListSpec, { filter: params.filter, page_size: String(batchSize), page_token: pageToken }, tokenScope) : first;
        const page = await readAuditPage(scope, plan);
        if (page.items.length) controller.enqueue(encoder.encode(page.items.map(csvRow).join("")));
        pageToken = page.nextPageToken || null;
        if (!pageToken) {
          done = true;
          controller.close();
        }
      },
    },
    // One batch queued ahead at most: a slow client holds back the reads instead of filling memory.
    { highWaterMark: 1 },
  );
}

export const AUDIT_CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
