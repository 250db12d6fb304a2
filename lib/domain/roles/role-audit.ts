import "server-only";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { Tx } from "../../prisma-client";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { workspaceName } from "../members/membership-guard";
import { roleName } from "./role-output";

type RoleFields = { title: string; description: string; permissions: string[] };

/** The audited view of a custom role: what a reader of the log needs to see change. */
export const roleAuditFields = (role: RoleFields): RoleFields => ({
  title: role.title,
  description: role.description,
  permissions: role.permissions,
});

/** The audit entry of a custom role change, inside the transaction that made it. */
export function writeRoleAudit(
  tx: Tx,
  ctx: RequestContext,
  access: WorkspaceAccess,
  roleId: string,
  action: "role.create" | "role.update" | "role.delete",
  changes: { before?: Partial<RoleFields>; after?: Partial<RoleFields> },
): Promise<void> {
  return writeAuditEntry(tx, ctx, {
    organizationId: access.organizationId,
    workspaceId: access.workspaceId,
    action,
    resource: roleName(workspaceName(access.organizationId, access.workspaceId), roleId),
    changes,
  });
}
