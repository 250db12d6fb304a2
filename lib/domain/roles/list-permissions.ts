import { PERMISSION_CATALOG, isWorkspacePermission, type Permission } from "../../auth/permissions";
import type { ListPermissionsOutput } from "../../schemas/roles";

/** GET /api/v1/permissions: the catalog custom roles are written from. */
export function listPermissions(): ListPermissionsOutput {
  return {
    permissions: (Object.keys(PERMISSION_CATALOG) as Permission[]).map((permission) => ({
      permission,
      description: PERMISSION_CATALOG[permission],
      scope: isWorkspacePermission(permission) ? "ROLE_SCOPE_WORKSPACE" : "ROLE_SCOPE_ORGANIZATION",
    })),
  };
}
