import "server-only";
import { ApiError } from "../../api/errors";
import { looksLikeId } from "../../ids";
import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../../prisma-client";
import type { UserWithRolesOutput } from "../../schemas/members";
import { resolveWorkspaceRoles, type GrantableRole } from "../roles/grants";
import { workspaceUserBranches } from "./list-workspace-users";
import { toUserWithRoles, unionOf, userName, type UserListRow } from "./user-list";
import { workspaceName } from "./membership-guard";

export function memberNotFound(organizationId: string, workspaceId: string, userId: string): ApiError {
  return new ApiError(
    "NOT_FOUND",
    `User ${userName(organizationId, userId)} is not a member of workspace ${workspaceName(organizationId, workspaceId)}.`,
    { reason: "MEMBER_NOT_FOUND", metadata: { user_id: userId, workspace_id: workspaceId } },
  );
}

/** One user of a workspace as ListWorkspaceUsers shows them (direct member or organization admin), or null. */
export async function findWorkspaceUser(
  client: Db | Tx,
  organizationId: string,
  workspaceId: string,
  userId: string,
): Promise<UserWithRolesOutput | null> {
  if (!looksLikeId(userId, "usr")) return null;
  const rows = await client.$queryRaw<UserListRow[]>(Prisma.sql`
    SELECT t.* FROM (${unionOf(workspaceUserBranches(organizationId, workspaceId))}) AS t WHERE t.user_id = ${userId}`);
  return rows.length ? toUserWithRoles(organizationId, rows[0]) : null;
}

/** Resolves role ids against the built-in workspace roles and this workspace's custom roles. */
export async function loadWorkspaceRoles(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<GrantableRole[]> {
  const customIds = ids.filter((id) => looksLikeId(id, "role"));
  const custom = customIds.length
    ? await tx.role.findMany({ where: { workspaceId, id: { in: customIds } }, select: { id: true, title: true, permissions: true } })
    : [];
  return resolveWorkspaceRoles(ids, custom);
}

/** Pending invitations of `email` to one workspace (or, without one, to the whole organization) are revoked. */
export async function revokePendingInvitations(
  tx: Tx,
  where: { organizationId: string; workspaceId?: string; email: string },
): Promise<string[]> {
  const scope = { organizationId: where.organizationId, email: where.email, state: "PENDING" as const, ...(where.workspaceId ? { workspaceId: where.workspaceId } : {}) };
  const pending = await tx.invitation.findMany({ where: scope, select: { id: true } });
  if (pending.length === 0) return [];
  const ids = pending.map((i) => i.id);
  await tx.invitation.updateMany({ where: { ...scope, id: { in: ids } }, data: { state: "REVOKED", revokeTime: new Date() } });
  return ids;
}
