import type { AuditLogEntryOutput } from "../../schemas/audit";

export const auditSelect = {
  id: true,
  organizationId: true,
  workspaceId: true,
  action: true,
  actorType: true,
  actorId: true,
  actorEmail: true,
  resource: true,
  requestId: true,
  ip: true,
  userAgent: true,
  changes: true,
  createdAt: true,
} as const;

export interface AuditRow {
  id: string;
  organizationId: string;
  workspaceId: string | null;
  action: string;
  actorType: string;
  actorId: string;
  actorEmail: string;
  resource: string;
  requestId: string;
  ip: string;
  userAgent: string;
  changes: unknown;
  createdAt: Date;
}

export function toAuditOutput(row: AuditRow): AuditLogEntryOutput {
  return {
    name: `organizations/${row.organizationId}/audit-logs/${row.id}`,
    audit_log_id: row.id,
    action: row.action,
    actor: { type: row.actorType, id: row.actorId, email: row.actorEmail },
    resource: row.resource,
    organization_id: row.organizationId,
    workspace_id: row.workspaceId ?? "",
    request_id: row.requestId,
    ip: row.ip,
    user_agent: row.userAgent,
    create_time: row.createdAt.toISOString(),
    changes: (row.changes && typeof row.changes === "object" ? row.changes : {}) as Record<string, unknown>,
  };
}
