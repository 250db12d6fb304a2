import "server-only";
import { db } from "../../db";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { UserWithRolesOutput } from "../../schemas/members";
import { findWorkspaceUser, memberNotFound } from "./workspace-user";

/** One user of the workspace (direct member or organization admin) as v1UserWithRoles. */
export async function getWorkspaceMember(access: WorkspaceAccess, userId: string): Promise<UserWithRolesOutput> {
  const user = await findWorkspaceUser(await db(), access.organizationId, access.workspaceId, userId);
  if (!user) throw memberNotFound(access.organizationId, access.workspaceId, userId);
  return user;
}
