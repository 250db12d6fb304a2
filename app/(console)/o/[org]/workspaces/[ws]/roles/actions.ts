"use server";

import { invalidArgument } from "@/lib/api/errors";
import { etagPreconditions } from "@/lib/api/etag";
import { parseWith } from "@/lib/api/http";
import { workspaceAction, type ActionResult } from "@/lib/auth/action";
import { countRoleHolders, type RoleHolderCount } from "@/lib/domain/roles/count-role-holders";
import { createWorkspaceRole } from "@/lib/domain/roles/create-workspace-role";
import { deleteWorkspaceRole } from "@/lib/domain/roles/delete-workspace-role";
import { updateWorkspaceRole } from "@/lib/domain/roles/update-workspace-role";
import { RoleCreateInput, type RoleOutput } from "@/lib/schemas/roles";

const target = (org: string, ws: string) => ({ organizationId: org, workspaceId: ws });

/** The AIP-154 precondition a console change carries: the etag the user saw. */
function preconditionOf(etag: unknown) {
  if (etag !== undefined && etag !== null && typeof etag !== "string") throw invalidArgument("etag", 'must be a string such as W/"3"', "INVALID_ETAG");
  return etagPreconditions({ body: etag ?? null });
}

/** How many members and pending invitations hold each role (read like GET …/roles). */
export async function roleHoldersAction(org: string, ws: string): Promise<ActionResult<Record<string, RoleHolderCount>>> {
  return workspaceAction("read:Role", target(org, ws), (_ctx, access) => countRoleHolders(access));
}

/** The console's CreateWorkspaceRole: same permission, validation and domain call as POST …/roles. */
export async function createRoleAction(org: string, ws: string, input: unknown): Promise<ActionResult<RoleOutput>> {
  return workspaceAction("create:Role", target(org, ws), (ctx, access) => createWorkspaceRole(ctx, access, parseWith(RoleCreateInput, input)));
}

/** The console's UpdateWorkspaceRole; `etag` is the version the user edited (stale: ABORTED). */
export async function updateRoleAction(org: string, ws: string, roleId: string, input: unknown, etag: string): Promise<ActionResult<RoleOutput>> {
  return workspaceAction("update:Role", target(org, ws), (ctx, access) => {
    const body = input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
    return updateWorkspaceRole(ctx, access, String(roleId), body, null, preconditionOf(etag));
  });
}

/** The console's DeleteWorkspaceRole; refused while the role is assigned. */
export async function deleteRoleAction(org: string, ws: string, roleId: string, etag: string): Promise<ActionResult<null>> {
  return workspaceAction("delete:Role", target(org, ws), async (ctx, access) => {
    await deleteWorkspaceRole(ctx, access, String(roleId), preconditionOf(etag));
    return null;
  });
}
