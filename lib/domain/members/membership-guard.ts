// The invariants on who administers what, checked inside the transaction that makes a change:
// a workspace keeps an admin (a direct `workspace-admin` member, or an organization admin, who
// administers every workspace); and changes that could break it are serialized by row locks.
//
// Lock order, always organization then workspace, so no two changes deadlock:
// - a workspace's membership change: the organization row FOR SHARE (org-level changes wait for
//   it, other workspaces' changes do not) and the workspace row FOR NO KEY UPDATE (changes to the
//   same workspace queue up; rows referencing it can still be inserted);
// - an organization's membership change: the organization row FOR NO KEY UPDATE (waits for every
//   workspace change in the organization, and they for it).
// Under READ COMMITTED, every statement after the lock sees what the previous holder committed.

import "server-only";
import { ApiError, notFound } from "../../api/errors";
import { ORG_ADMIN, WORKSPACE_ADMIN } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../../prisma-client";

export const workspaceName = (orgId: string, wsId: string) => `organizations/${orgId}/workspaces/${wsId}`;

/** Locks a live workspace for a membership change; re-checks its state, which may have changed since authorize. */
export async function lockWorkspaceMembership(tx: Tx, organizationId: string, workspaceId: string): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM organizations WHERE id = ${organizationId} FOR SHARE`);
  const rows = await tx.$queryRaw<{ state: string }[]>(Prisma.sql`
    SELECT state::text AS state FROM workspaces
     WHERE id = ${workspaceId} AND organization_id = ${organizationId} AND delete_time IS NULL
     FOR NO KEY UPDATE`);
  const name = workspaceName(organizationId, workspaceId);
  if (rows.length === 0) throw notFound("Workspace", name, { workspace_id: workspaceId });
  if (rows[0].state !== "ACTIVE") {
    throw new ApiError("FAILED_PRECONDITION", `Workspace ${name} is ${rows[0].state.toLowerCase()}; its members cannot change.`, {
      reason: `WORKSPACE_${rows[0].state}`,
      metadata: { workspace_id: workspaceId, state: rows[0].state },
    });
  }
}

/** Locks an organization for a change to its members, their organization roles, or its owner. */
export async function lockOrganizationMembership(tx: Tx, organizationId: string): Promise<{ ownerId: string }> {
  const rows = await tx.$queryRaw<{ owner_id: string }[]>(Prisma.sql`
    SELECT owner_id FROM organizations WHERE id = ${organizationId} FOR NO KEY UPDATE`);
  if (rows.length === 0) throw notFound("Organization", `organizations/${organizationId}`, { organization_id: organizationId });
  return { ownerId: rows[0].owner_id };
}

export async function countOrgAdmins(tx: Tx, organizationId: string): Promise<number> {
  return tx.organizationMember.count({ where: { organizationId, roles: { has: ORG_ADMIN } } });
}

function lastAdmin(organizationId: string, workspaceIds: string[]): ApiError {
  const names = workspaceIds.map((id) => workspaceName(organizationId, id));
  return new ApiError(
    "FAILED_PRECONDITION",
    `${names.length === 1 ? `Workspace ${names[0]}` : `Workspaces ${names.join(", ")}`} would be left without a Workspace Admin; ` +
      "give another member the workspace-admin role first.",
    { reason: "LAST_WORKSPACE_ADMIN", metadata: { workspace_ids: workspaceIds.join(",") } },
  );
}

/**
 * Run after a change, before commit: refuses (rolling the change back) if one of `workspaceIds`
 * — or, with "all", any live workspace of the organization — is left with no direct
 * workspace-admin member while the organization has no admin either.
 */
export async function assertWorkspacesKeepAdmin(tx: Tx, organizationId: string, workspaceIds: string[] | "all"): Promise<void> {
  if (workspaceIds !== "all" && workspaceIds.length === 0) return;
  if ((await countOrgAdmins(tx, organizationId)) > 0) return;
  const orphaned = await tx.workspace.findMany({
    where: {
      organizationId,
      deleteTime: null,
      ...(workspaceIds === "all" ? {} : { id: { in: workspaceIds } }),
      members: { none: { roles: { has: WORKSPACE_ADMIN } } },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  if (orphaned.length > 0) throw lastAdmin(organizationId, orphaned.map((w) => w.id));
}
