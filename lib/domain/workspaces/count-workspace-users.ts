import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { ORG_ADMIN } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { CountWorkspaceUsersInput, CountWorkspaceUsersOutput } from "../../schemas/workspaces";
import { workspaceNotFound } from "./workspace-changes";

/**
 * POST …/workspaces:countUsers — Kognitos CountWorkspaceUsers.
 *
 * A workspace's user count is the number of distinct people ListWorkspaceUsers shows for it
 * (API.md §4): its direct members plus the organization's admins who are not direct members
 * (an org admin reaches every workspace). The same person is never counted twice.
 *
 * One statement whatever the number of ids: it selects the requested workspaces the caller can
 * see (the same visibility as ListWorkspaces: org admin, or direct member, within the token's
 * workspace scope; never soft-deleted ones), then counts the union of members and org admins per
 * workspace. A requested id missing from the answer is one the caller cannot see: NOT_FOUND.
 */
export async function countWorkspaceUsers(
  ctx: RequestContext,
  access: OrgAccess,
  input: CountWorkspaceUsersInput,
): Promise<CountWorkspaceUsersOutput> {
  const ids = [...new Set(input.workspace_ids)];
  const tokenScope = ctx.caller.token?.workspaceIds ?? [];
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string; n: number }[]>(Prisma.sql`
    WITH visible AS (
      SELECT w.id
      FROM workspaces w
      WHERE w.organization_id = ${access.organizationId}
        AND w.id = ANY(${ids}::text[])
        AND w.delete_time IS NULL
        AND (${access.isOrgAdmin}::boolean
             OR EXISTS (SELECT 1 FROM workspace_members c WHERE c.workspace_id = w.id AND c.user_id = ${ctx.caller.userId}))
        AND (cardinality(${tokenScope}::text[]) = 0 OR w.id = ANY(${tokenScope}::text[]))
    ),
    people AS (
      SELECT m.workspace_id, m.user_id
      FROM workspace_members m JOIN visible v ON v.id = m.workspace_id
      UNION
      SELECT v.id, o.user_id
      FROM visible v CROSS JOIN organization_members o
      WHERE o.organization_id = ${access.organizationId} AND ${ORG_ADMIN} = ANY(o.roles)
    )
    SELECT v.id, count(p.user_id)::int AS n
    FROM visible v LEFT JOIN people p ON p.workspace_id = v.id
    GROUP BY v.id`);

  const counts = new Map(rows.map((r) => [r.id, Number(r.n)]));
  const missing = ids.find((id) => !counts.has(id));
  if (missing !== undefined) throw workspaceNotFound({ organizationId: access.organizationId, workspaceId: missing });
  return { workspace_user_counts: Object.fromEntries(ids.map((id) => [id, counts.get(id)!])) };
}
