import "server-only";
import { db } from "../../db";
import type { WorkspaceAccess } from "../../auth/authorize";
import { Prisma } from "../../generated/prisma/client";

export interface RoleHolderCount {
  /** Direct workspace members holding the role. */
  members: number;
  /** Pending invitations that would grant the role on acceptance. */
  invitations: number;
}

/**
 * How many members and pending invitations of the workspace hold each role, keyed by role id
 * (roles held by nobody are absent). These are exactly what DeleteWorkspaceRole counts before it
 * refuses, so the console can say why a delete is blocked before anyone tries it.
 */
export async function countRoleHolders(access: WorkspaceAccess): Promise<Record<string, RoleHolderCount>> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ role_id: string; members: bigint; invitations: bigint }[]>(Prisma.sql`
    SELECT role_id, sum(members)::bigint AS members, sum(invitations)::bigint AS invitations FROM (
      SELECT unnest(wm.roles) AS role_id, 1 AS members, 0 AS invitations
        FROM workspace_members wm
       WHERE wm.workspace_id = ${access.workspaceId}
      UNION ALL
      SELECT unnest(i.roles) AS role_id, 0 AS members, 1 AS invitations
        FROM invitations i
       WHERE i.workspace_id = ${access.workspaceId} AND i.organization_id = ${access.organizationId} AND i.state = 'PENDING'
    ) AS held
    GROUP BY role_id`);
  const out: Record<string, RoleHolderCount> = {};
  for (const r of rows) out[r.role_id] = { members: Number(r.members), invitations: Number(r.invitations) };
  return out;
}
