import "server-only";
import { db } from "../../db";
import { concurrentModification, invalidArgument } from "../../api/errors";
import type { EtagPreconditions } from "../../api/etag";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { BUILT_IN_WORKSPACE_ROLES } from "../../auth/permissions";
import { looksLikeId } from "../../ids";
import type { RoleOutput, RoleUpdateInput } from "../../schemas/roles";
import { workspaceName } from "../members/membership-guard";
import { roleTitleKey } from "../members/role-resolver";
import { assertHoldsPermissions } from "./grants";
import { builtInImmutable, customRoleOutput, customRoleSelect, roleName, roleNotFound } from "./role-output";
import { assertEtag } from "./role-preconditions";
import { writeRoleAudit } from "./role-audit";
import { assertNotBuiltInTitle, isUniqueViolation, roleTitleTaken } from "./role-title";

/**
 * PATCH …/workspaces/{ws}/roles/{role_id}. Built-in roles are immutable. Permissions the role
 * gains must be held by the caller, since everyone holding the role gains them too.
 */
export async function updateWorkspaceRole(
  ctx: RequestContext,
  access: WorkspaceAccess,
  roleId: string,
  input: RoleUpdateInput,
  paths: ReadonlySet<string>,
  preconditions: EtagPreconditions,
): Promise<RoleOutput> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  if (BUILT_IN_WORKSPACE_ROLES.some((r) => r.id === roleId)) throw builtInImmutable(parent, roleId);
  if (!looksLikeId(roleId, "role")) throw roleNotFound(parent, roleId);
  if (paths.has("title") && input.title === undefined) throw invalidArgument("title", "title is required");
  if (paths.has("permissions") && input.permissions === undefined) throw invalidArgument("permissions", "permissions needs at least one permission");
  if (paths.has("title")) assertNotBuiltInTitle(input.title!);

  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const current = await tx.role.findFirst({ where: { id: roleId, workspaceId: access.workspaceId }, select: customRoleSelect });
      if (!current) throw roleNotFound(parent, roleId);
      assertEtag(preconditions, current.version, roleName(parent, roleId));
      const data: { title?: string; titleKey?: string; description?: string; permissions?: string[] } = {};
      if (paths.has("title") && input.title !== current.title) Object.assign(data, { title: input.title, titleKey: roleTitleKey(input.title!) });
      if (paths.has("description") && (input.description ?? "") !== current.description) data.description = input.description ?? "";
      if (paths.has("permissions")) {
        const next = input.permissions!;
        const gained = next.filter((p) => !current.permissions.includes(p));
        assertHoldsPermissions(access.permissions, gained, `give the role '${current.title}' these permissions`);
        if (gained.length > 0 || next.length !== current.permissions.length) data.permissions = next;
      }
      if (Object.keys(data).length === 0) return current;
      const updated = await tx.role.updateMany({
        where: { id: roleId, workspaceId: access.workspaceId, version: current.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count !== 1) {
        throw concurrentModification(`Role ${roleName(parent, roleId)}`);
      }
      const after = await tx.role.findUniqueOrThrow({ where: { id: roleId }, select: customRoleSelect });
      const fields = Object.keys(data).filter((k) => k !== "titleKey") as ("title" | "description" | "permissions")[];
      await writeRoleAudit(tx, ctx, access, roleId, "role.update", {
        before: Object.fromEntries(fields.map((f) => [f, current[f]])),
        after: Object.fromEntries(fields.map((f) => [f, after[f]])),
      });
      return after;
    });
    return customRoleOutput(parent, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw roleTitleTaken(input.title ?? "");
    throw error;
  }
}
