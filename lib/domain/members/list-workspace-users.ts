import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import type { ListParams } from "../../api/list";
import { Prisma } from "../../generated/prisma/client";
import type { ListUsersOutput } from "../../schemas/members";
import { roleResolver } from "./role-resolver";
import { planUserList, runUserList, type UserListPlan } from "./user-list";

/**
 * The users of a workspace: its direct members (workspace roles), and the organization admins,
 * who reach every workspace (organization roles). An admin who is also a direct member is one
 * row with both sets. Two branches, no row in both:
 *
 * - the organization's admins, found first through the roles index (`OFFSET 0` keeps the planner
 *   from flattening that subquery), with their workspace membership if any: an organization has a
 *   handful of admins, and walking the users' name or email index in order to find them among
 *   100,000 members took most of a second. Each admin's user row is then probed by primary key
 *   (a LATERAL with `OFFSET 0`): the roles index's row estimate is coarse (hundreds), and with
 *   it the planner would rather hash every user;
 * - the direct members who are not admins, whose organization roles are `{}` as a constant, so a
 *   filter on organization roles (`role_scope = organization`, `role = "org-admin"`) removes the
 *   whole branch at planning instead of reading every member. Its admin check is a per-row probe
 *   of the membership's primary key (`OFFSET 0` keeps it from becoming an anti-join, which
 *   would hash every member before the first page could be served).
 */
export function workspaceUserBranches(organizationId: string, workspaceId: string, options: { names: boolean } = { names: true }): Prisma.Sql[] {
  const admin = [ORG_ADMIN];
  // A count whose filter reads no name or email needs no user row: the member branch then reads
  // memberships alone (joined to users, the planner would hash all of them to count a role's
  // thousand members).
  const member = options.names
    ? Prisma.sql`u.display_name, u.email, u.last_active_time`
    : Prisma.sql`NULL::text AS display_name, NULL::text AS email, NULL::timestamptz AS last_active_time`;
  const users = options.names ? Prisma.sql`JOIN users u ON u.id = wm.user_id` : Prisma.empty;
  return [
    Prisma.sql`
      SELECT oa.user_id, u.display_name, u.email, u.last_active_time,
             COALESCE(wm.create_time, oa.create_time) AS create_time, COALESCE(wm.update_time, oa.update_time) AS update_time,
             COALESCE(wm.roles, '{}'::text[]) AS ws_roles, oa.roles AS org_roles
        FROM (SELECT * FROM organization_members
               WHERE organization_id = ${organizationId} AND roles @> ${admin}::text[]
              OFFSET 0) oa
        CROSS JOIN LATERAL (SELECT display_name, email, last_active_time FROM users WHERE id = oa.user_id OFFSET 0) u
        LEFT JOIN LATERAL (SELECT roles, create_time, update_time FROM workspace_members
                            WHERE workspace_id = ${workspaceId} AND user_id = oa.user_id OFFSET 0) wm ON TRUE`,
    Prisma.sql`
      SELECT wm.user_id, ${member}, wm.create_time, wm.update_time,
             wm.roles AS ws_roles, '{}'::text[] AS org_roles
        FROM workspace_members wm
        ${users}
       WHERE wm.workspace_id = ${workspaceId}
         AND wm.user_id <> ALL (ARRAY(SELECT x.user_id FROM organization_members x
                                       WHERE x.organization_id = ${organizationId} AND x.roles @> ${admin}::text[]))`,
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
    workspaceUserBranches(organizationId, workspaceId, { names: false }),
  );
}

/**
 * Kognitos ListWorkspaceUsers, plus added output-only fields: each row's `create_time` (when
 * the user got access: joined the workspace, or for an organization admin reaching it through the
 * organization role, joined the organization) and `last_active_time`, and the list's `total_size`
 * for the filter.
 */
export async function listWorkspaceUsers(ctx: RequestContext, access: WorkspaceAccess, params: ListParams): Promise<ListUsersOutput> {
  const plan = await planWorkspaceUsers(ctx, access, params);
  return runUserList(await db(), access.organizationId, plan);
}
