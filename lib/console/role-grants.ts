// What the console shows about roles: their titles, and which ones the signed-in user may hand
// out. The server decides (lib/domain/roles/grants.ts, no escalation); this only mirrors the rule
// so the console does not offer a role that would be refused. Client-safe.

import { BUILT_IN_ROLES } from "@/lib/auth/permissions";
import type { RoleOutput } from "@/lib/schemas/roles";

/** A role's title from the workspace's roles (or the built-in table); the id when unknown. */
export function roleTitleOf(id: string, roles: readonly Pick<RoleOutput, "role_id" | "title">[]): string {
  return roles.find((r) => r.role_id === id)?.title ?? BUILT_IN_ROLES.find((r) => r.id === id)?.title ?? id;
}

/** The permissions of `permissions` that `holder` lacks. */
export function missingPermissions(holder: ReadonlySet<string>, permissions: readonly string[]): string[] {
  return permissions.filter((p) => !holder.has(p));
}

/** Why the holder cannot assign `role`, or "" when they can. */
export function grantRefusal(holder: ReadonlySet<string>, role: Pick<RoleOutput, "permissions">): string {
  const missing = missingPermissions(holder, role.permissions);
  if (missing.length === 0) return "";
  const shown = missing.slice(0, 3).join(", ") + (missing.length > 3 ? ` and ${missing.length - 3} more` : "");
  return `You cannot grant this role: it holds ${shown}, which you do not have.`;
}
