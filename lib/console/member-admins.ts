// Whether one member is a workspace's last admin, read on the server from two rows of its users.
// Apart from member-list-query.ts because it needs the role catalog, which the browser's list
// controls do not.

import { ORG_ADMIN, WORKSPACE_ADMIN } from "@/lib/auth/permissions";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import { userIdOf, type UserListParams } from "./member-list-query";

/**
 * The users who hold the workspace: its workspace admins and the organization admins. Two rows are
 * enough to know whether one member is the last admin (API.md §4's rule), whatever the list shows.
 */
export const ADMIN_COVERAGE_PARAMS: UserListParams = {
  filter: `role = "${WORKSPACE_ADMIN}" OR role = "${ORG_ADMIN}"`,
  order_by: "",
  page_size: "2",
  page_token: "",
};

/**
 * The user id of the workspace's only admin when nobody else (no second workspace admin, no
 * organization admin) would be left to administer it; null when removing any one admin is fine.
 */
export function lastAdminOf(coverage: UserWithRolesOutput[]): string | null {
  if (coverage.length !== 1) return null;
  const only = coverage[0];
  if (only.roles.some((r) => r.name === ORG_ADMIN && r.role_scope === "ROLE_SCOPE_ORGANIZATION")) return null;
  if (!only.roles.some((r) => r.name === WORKSPACE_ADMIN && r.role_scope === "ROLE_SCOPE_WORKSPACE")) return null;
  return userIdOf(only.user.name);
}
