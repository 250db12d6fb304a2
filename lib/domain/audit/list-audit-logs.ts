import "server-only";
import { db } from "../../db";
import { permissionDenied } from "../../api/errors";
import { planList, type ListParams, type ListPlan } from "../../api/list";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess, WorkspaceAccess } from "../../auth/authorize";
import type { Prisma } from "../../generated/prisma/client";
import type { ListAuditLogsOutput } from "../../schemas/audit";
import { auditListSpec } from "./audit-list-spec";
import { auditSelect, toAuditOutput, type AuditRow } from "./audit-output";

export interface AuditScope {
  /** The rows this caller may read, as a tenant-scoped `where`. */
  where: Prisma.AuditLogEntryWhereInput;
  /** What page tokens are bound to. */
  tokenScope: string[];
}

/**
 * The organization's whole log is for organization admins; a token limited to some workspaces
 * reads only those workspaces' entries even then.
 */
export function organizationAuditScope(ctx: RequestContext, access: OrgAccess): AuditScope {
  if (!access.isOrgAdmin) throw permissionDenied("read:AuditLog", `organizations/${access.organizationId}`);
  const limited = ctx.caller.token?.workspaceIds ?? [];
  return {
    where: { organizationId: access.organizationId, ...(limited.length ? { workspaceId: { in: limited } } : {}) },
    tokenScope: [`organizations/${access.organizationId}/audit-logs`, limited.join(",")],
  };
}

/** A workspace's log: the entries recorded against it (authorize has checked read:AuditLog). */
export function workspaceAuditScope(access: WorkspaceAccess): AuditScope {
  return {
    where: { organizationId: access.organizationId, workspaceId: access.workspaceId },
    tokenScope: [`organizations/${access.organizationId}/workspaces/${access.workspaceId}/audit-logs`],
  };
}

/** The rows of one planned page within the caller's scope (the list and the export read through it). */
export async function readAuditPage(scope: AuditScope, plan: ListPlan<Prisma.AuditLogEntryWhereInput>): Promise<{ items: AuditRow[]; nextPageToken: string }> {
  const parts: Prisma.AuditLogEntryWhereInput[] = [scope.where];
  if (plan.filter) parts.push(plan.filter);
  if (plan.cursor) parts.push(plan.cursor);
  const prisma = await db();
  const rows = await prisma.auditLogEntry.findMany({
    where: { AND: parts },
    orderBy: plan.orderBy as Prisma.AuditLogEntryOrderByWithRelationInput[],
    take: plan.pageSize + 1,
    select: auditSelect,
  });
  return plan.page(rows);
}

/** One page of entries, newest first, on the keyset (create_time, id). */
export async function listAuditLogs(scope: AuditScope, params: ListParams): Promise<ListAuditLogsOutput> {
  const page = await readAuditPage(scope, planList(auditListSpec, params, scope.tokenScope));
  return { audit_logs: page.items.map(toAuditOutput), next_page_token: page.nextPageToken };
}

/** ListOrganizationAuditLogs. */
export function listOrganizationAuditLogs(ctx: RequestContext, access: OrgAccess, params: ListParams): Promise<ListAuditLogsOutput> {
  return listAuditLogs(organizationAuditScope(ctx, access), params);
}

/** ListWorkspaceAuditLogs. */
export function listWorkspaceAuditLogs(access: WorkspaceAccess, params: ListParams): Promise<ListAuditLogsOutput> {
  return listAuditLogs(workspaceAuditScope(access), params);
}
