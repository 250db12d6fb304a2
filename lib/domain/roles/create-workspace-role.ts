import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { newId } from "../../ids";
import type { RoleCreateInput, RoleOutput } from "../../schemas/roles";
import { workspaceName } from "../members/membership-guard";
import { roleTitleKey } from "../members/role-resolver";
import { assertHoldsPermissions } from "./grants";
import { writeRoleAudit, roleAuditFields } from "./role-audit";
import { customRoleOutput, customRoleSelect } from "./role-output";
import { assertNotBuiltInTitle, isUniqueViolation, roleTitleTaken } from "./role-title";

/** POST …/workspaces/{ws}/roles: a custom role holding catalog workspace permissions the caller holds too. */
export async function createWorkspaceRole(ctx: RequestContext, access: WorkspaceAccess, input: RoleCreateInput): Promise<RoleOutput> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  assertHoldsPermissions(access.permissions, input.permissions, "create this role");
  assertNotBuiltInTitle(input.title);
  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const id = newId("role");
      const created = await tx.role.create({
        data: {
          id,
          workspaceId: access.workspaceId,
          title: input.title,
          titleKey: roleTitleKey(input.title),
          description: input.description,
          permissions: input.permissions,
        },
        select: customRoleSelect,
      });
      await writeRoleAudit(tx, ctx, access, id, "role.create", { after: roleAuditFields(created) });
      return created;
    });
    return customRoleOutput(parent, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw roleTitleTaken(input.title);
    throw error;
  }
}
