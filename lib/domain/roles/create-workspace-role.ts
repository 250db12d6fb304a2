import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { newId } from "../../ids";
import type { RoleCreateInput, RoleOutput } from "../../schemas/roles";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { workspaceName } from "../members/membership-guard";
import { roleTitleKey } from "../members/role-resolver";
import { assertHoldsPermissions } from "./grants";
import { customRoleOutput, customRoleSelect, roleName } from "./role-output";
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
      await writeAuditEntry(tx, ctx, {
        organizationId: access.organizationId,
        workspaceId: access.workspaceId,
        action: "role.create",
        resource: roleName(parent, id),
        changes: { after: { title: created.title, description: created.description, permissions: created.permissions } },
      });
      return created;
    });
    return customRoleOutput(parent, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw roleTitleTaken(input.title);
    throw error;
  }
}
