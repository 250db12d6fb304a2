// No escalation (API.md §5): a caller can only hand out permissions they hold themselves, whether
// by assigning a role or by writing a custom role's permission list. Both paths end here.

import { ApiError, invalidArgument } from "../../api/errors";
import {
  BUILT_IN_ORGANIZATION_ROLES,
  BUILT_IN_WORKSPACE_ROLES,
  builtInRole,
  type Permission,
} from "../../auth/permissions";

export interface GrantableRole {
  id: string;
  title: string;
  permissions: readonly string[];
}

function missingFrom(holder: ReadonlySet<Permission>, permissions: readonly string[]): string[] {
  return permissions.filter((p) => !holder.has(p as Permission));
}

/** Refuses to grant permissions `holder` lacks; `what` names the grant in the message. */
export function assertHoldsPermissions(holder: ReadonlySet<Permission>, permissions: readonly string[], what: string): void {
  const missing = missingFrom(holder, permissions);
  if (missing.length === 0) return;
  throw new ApiError(
    "PERMISSION_DENIED",
    `You cannot ${what}: it would grant permissions you do not hold (${missing.join(", ")}).`,
    { reason: "PERMISSION_ESCALATION", metadata: { missing_permissions: missing.join(",") } },
  );
}

/** Refuses to assign any role holding a permission `holder` lacks. */
export function assertCanGrant(holder: ReadonlySet<Permission>, roles: readonly GrantableRole[]): void {
  for (const role of roles) assertHoldsPermissions(holder, role.permissions, `assign the role '${role.title}' (${role.id})`);
}

function unknownRoles(ids: string[], allowed: string): ApiError {
  return invalidArgument("roles", `unknown role ${ids.map((id) => `'${id.slice(0, 64)}'`).join(", ")} (${allowed})`, "UNKNOWN_ROLE");
}

/** Organization roles are the built-in ones only. */
export function resolveOrganizationRoles(ids: readonly string[]): GrantableRole[] {
  const unknown = ids.filter((id) => !BUILT_IN_ORGANIZATION_ROLES.some((r) => r.id === id));
  if (unknown.length) throw unknownRoles(unknown, `organization roles: ${BUILT_IN_ORGANIZATION_ROLES.map((r) => r.id).join(", ")}`);
  return ids.map((id) => builtInRole(id)!);
}

/**
 * Workspace roles: the built-in workspace roles and the workspace's own custom roles.
 * `custom` holds the custom roles found for the requested ids (looked up by the caller).
 */
export function resolveWorkspaceRoles(ids: readonly string[], custom: readonly GrantableRole[]): GrantableRole[] {
  const found = ids.map((id) => BUILT_IN_WORKSPACE_ROLES.find((r) => r.id === id) ?? custom.find((r) => r.id === id));
  const unknown = ids.filter((_, i) => !found[i]);
  if (unknown.length) {
    throw unknownRoles(unknown, `workspace roles: ${BUILT_IN_WORKSPACE_ROLES.map((r) => r.id).join(", ")} or this workspace's custom role ids`);
  }
  return found as GrantableRole[];
}
