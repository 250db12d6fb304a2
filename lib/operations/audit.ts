// Audit log operations (API.md §8): read and export only — entries are never changed or deleted
// through the API.

import "server-only";
import { z } from "zod";
import { exportAuditLogs, AUDIT_CSV_CONTENT_TYPE } from "../domain/audit/export-audit-logs";
import { listAuditLogs, organizationAuditScope, workspaceAuditScope } from "../domain/audit/list-audit-logs";
import { ListQuery } from "../schemas/common";
import { ListAuditLogsOutput } from "../schemas/audit";
import { operation, type Operation } from "./operation";

const tag = "Audit log";
const FILTERS =
  'Filter on `action`, `actor_email`, `actor_id`, `resource`, `workspace_id` (`=`, `!=`, `:` contains) and `create_time` (`>=`, `<`, … RFC 3339), e.g. `action = "member.add" AND create_time >= "2026-12-01T00:00:00Z"`. Newest first.';

const ExportQuery = z.object({ filter: ListQuery.shape.filter });

export const ListOrganizationAuditLogs = operation({
  id: "ListOrganizationAuditLogs",
  method: "GET",
  path: "/organizations/{organization_id}/audit-logs",
  tag,
  summary: "List the audit log of an organization and all its workspaces (organization admins)",
  description: FILTERS,
  scope: "organization",
  permission: "read:AuditLog",
  query: ListQuery,
  response: ListAuditLogsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listAuditLogs(organizationAuditScope(ctx, access), query),
});

export const ListWorkspaceAuditLogs = operation({
  id: "ListWorkspaceAuditLogs",
  method: "GET",
  path: "/organizations/{organization_id}/workspaces/{workspace_id}/audit-logs",
  tag,
  summary: "List a workspace's audit log",
  description: FILTERS,
  scope: "workspace",
  permission: "read:AuditLog",
  includeDeleted: true,
  query: ListQuery,
  response: ListAuditLogsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access, { query }) => listAuditLogs(workspaceAuditScope(access), query),
});

export const ExportAuditLogs = operation({
  id: "ExportAuditLogs",
  method: "GET",
  path: "/organizations/{organization_id}/audit-logs:export",
  tag,
  summary: "Export the organization's audit log (a filtered range) as CSV, streamed",
  description: `${FILTERS} The file is written as it is read, in batches, so any range can be exported.`,
  scope: "organization",
  permission: "read:AuditLog",
  query: ExportQuery,
  response: null,
  stream: { contentType: AUDIT_CSV_CONTENT_TYPE, filename: "audit-log.csv" },
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: async (ctx, access, { query }) => exportAuditLogs(organizationAuditScope(ctx, access), query),
});

export const ExportWorkspaceAuditLogs = operation({
  id: "ExportWorkspaceAuditLogs",
  method: "GET",
  path: "/organizations/{organization_id}/workspaces/{workspace_id}/audit-logs:export",
  tag,
  summary: "Export a workspace's audit log (a filtered range) as CSV, streamed",
  description: FILTERS,
  scope: "workspace",
  permission: "read:AuditLog",
  includeDeleted: true,
  query: ExportQuery,
  response: null,
  stream: { contentType: AUDIT_CSV_CONTENT_TYPE, filename: "audit-log.csv" },
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: async (_ctx, access, { query }) => exportAuditLogs(workspaceAuditScope(access), query),
});

export const AUDIT_OPERATIONS: Operation[] = [ListOrganizationAuditLogs, ListWorkspaceAuditLogs, ExportAuditLogs, ExportWorkspaceAuditLogs];
