import "server-only";
import { ApiError } from "../../api/errors";
import { ORG_MEMBER } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../../prisma-client";
import type { UserWithRolesOutput } from "../../schemas/members";
import { toUserWithRoles, userName, type UserListRow } from "../members/user-list";

export function organizationUserNotFound(organizationId: string, userId: string): ApiError {
  return new ApiError("NOT_FOUND", `User ${userName(organizationId, userId)} was not found.`, {
    reason: "USER_NOT_FOUND",
    metadata: { user_id: userId, organization_id: organizationId },
  });
}

/** The members of an organization with their organization roles (none stored reads as org-member). */
export function organizationUsersSource(organizationId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT om.user_id, u.display_name, u.email, u.last_active_time, om.create_time, om.update_time,
           '{}'::text[] AS ws_roles,
           CASE WHEN cardinality(om.roles) = 0 THEN ARRAY[${ORG_MEMBER}]::text[] ELSE om.roles END AS org_roles
      FROM organization_members om
      JOIN users u ON u.id = om.user_id
     WHERE om.organization_id = ${organizationId}`;
}

export async function findOrganizationUser(client: Db | Tx, organizationId: string, userId: string): Promise<UserWithRolesOutput | null> {
  if (!looksLikeId(userId, "usr")) return null;
  const rows = await client.$queryRaw<UserListRow[]>(Prisma.sql`
    SELECT t.* FROM (${organizationUsersSource(organizationId)}) AS t WHERE t.user_id = ${userId}`);
  return rows.length ? toUserWithRoles(organizationId, rows[0]) : null;
}
