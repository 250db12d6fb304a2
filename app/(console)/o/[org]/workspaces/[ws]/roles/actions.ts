"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { CountRoleHolders, CreateWorkspaceRole, DeleteWorkspaceRole, UpdateWorkspaceRole } from "@/lib/operations/roles";
import type { RoleOutput } from "@/lib/schemas/roles";

const target = (org: string, ws: string) => ({ organization_id: org, workspace_id: ws });

export interface RoleHolderCount {
  members: number;
  invitations: number;
}

/** CountRoleHolders: how many members and pending invitations hold each role. */
export async function roleHoldersAction(org: string, ws: string): Promise<ActionOutcome<Record<string, RoleHolderCount>>> {
  const result = await perform(CountRoleHolders, target(org, ws));
  return result.ok ? { ok: true, data: result.data.role_holder_counts } : result;
}

/** CreateWorkspaceRole from the Roles tab. */
export async function createRoleAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<RoleOutput>> {
  return perform(CreateWorkspaceRole, target(org, ws), { body: input });
}

/** UpdateWorkspaceRole; `etag` is the version the user edited (stale: ABORTED). */
export async function updateRoleAction(org: string, ws: string, roleId: string, input: unknown, etag: string): Promise<ActionOutcome<RoleOutput>> {
  return perform(UpdateWorkspaceRole, { ...target(org, ws), role_id: roleId }, { body: input, query: { etag } });
}

/** DeleteWorkspaceRole; refused while the role is assigned. */
export async function deleteRoleAction(org: string, ws: string, roleId: string, etag: string): Promise<ActionOutcome<null>> {
  return perform(DeleteWorkspaceRole, { ...target(org, ws), role_id: roleId }, { query: { etag } });
}
