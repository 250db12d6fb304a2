import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import type { ListParams } from "../../api/list";
import { Prisma } from "../../generated/prisma/client";
import type { ListUsersOutput } from "../../schemas/members";
import { roleResolver } from "./role-resolver";
import { planUserList, toUserWithRoles, type UserListPlan, type UserListRow } from "./user-list";

/**
 * The users of a workspace: its direct members (workspace roles), and the organization admins,
 * who reach every workspace (organization roles). An admin who is also a direct member is one
 * row with both sets; the second branch skips direct members so no row repeats.
 */
export function workspaceUserBranches(organizationId: string, workspaceId: string): Prisma.Sql[] {
  const admin = [ORG_ADMIN];
  return [
    Prisma.sql`
      SELECT wm.user_id, u.display_name, u.email, wm.create_time, wm.update_time,
             wm.roles AS ws_roles, COALESCE(oa.roles, '{}'::text[]) AS org_roles
        FROM workspace_members wm
        JOIN users u ON u.id = wm.user_id
        LEFT JOIN organization_members oa
          ON oa.organization_id = ${organizationId} AND oa.user_id = wm.user_id AND oa.roles @> ${admin}::text[]
       WHERE wm.workspace_id = ${workspaceId}`,
    Prisma.sql`
      SELECT om.user_id, u.display_name, u.email, om.create_time, om.update_time,
             '{}'::text[] AS ws_roles, om.roles AS org_roles
        FROM organization_members om
        JOIN users u ON u.id = om.user_id
       WHERE om.organization_id = ${organizationId} AND om.roles @> ${admin}::text[]
         AND NOT EXISTS (SELECT 1 FROM workspace_members x WHERE x.workspace_id = ${workspaceId} AND x.user_id = om.user_id)`,
  ];
}

/** The plan of one ListWorkspaceUsers page (exported for the benchmark's EXPLAIN). */
export async function planWorkspaceUsers(ctx: RequestContext, access: WorkspaceAccess, params: ListParams): Promise<UserListPlan> {
  const { organizationId, workspaceId } = access;
  return planUserList(
    workspaceUserBranches(organizationId, workspaceId),
    params,
    [`organizations/${organizationId}/workspaces/${workspaceId}/users`, ctx.caller.userId],
    roleResolver(await db(), workspaceId),
  );
}

/**
 * Kognitos ListWorkspaceUsers, plus two added output-only fields: each row's `create_time` (when
 * the user got access: joined the workspace, or for an organization admin reaching it through the
 * organization role, joined the organization) and the list's `total_size` for the filter.
 */
export async function listWorkspaceUsers(ctx: RequestContext, access: WorkspaceAccess, params: ListParams): Promise<ListUsersOutput> {
  const plan = await planWorkspaceUsers(ctx, access, params);
  const prisma = await db();
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<UserListRow[]>(plan.query),
    prisma.$queryRaw<{ total: number }[]>(plan.countQuery),
  ]);
  const page = plan.page(rows);
  return {
    users: page.items.map((r) => ({ ...toUserWithRoles(access.organizationId, r), create_time: r.create_time.toISOString() })),
    next_page_token: page.nextPageToken,
    total_size: Number(count[0]?.total ?? 0),
  };
}
