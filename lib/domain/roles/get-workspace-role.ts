import "server-only";
import { db } from "../../db";
import type { WorkspaceAccess } from "../../auth/authorize";
import { BUILT_IN_WORKSPACE_ROLES } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import type { RoleOutput } from "../../schemas/roles";
import { workspaceName } from "../members/membership-guard";
import { builtInRoleOutput, customRoleOutput, customRoleSelect, roleNotFound } from "./role-output";

/** GET …/workspaces/{ws}/roles/{role_id}: a built-in workspace role or one of this workspace's custom roles. */
export async function getWorkspaceRole(access: WorkspaceAccess, roleId: string): Promise<RoleOutput> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  const builtIn = BUILT_IN_WORKSPACE_ROLES.find((r) => r.id === roleId);
  if (builtIn) return builtInRoleOutput(parent, builtIn);
  if (!looksLikeId(roleId, "role")) throw roleNotFound(parent, roleId);
  const prisma = await db();
  const row = await prisma.role.findFirst({ where: { id: roleId, workspaceId: access.workspaceId }, select: customRoleSelect });
  if (!row) throw roleNotFound(parent, roleId);
  return customRoleOutput(parent, row);
}
