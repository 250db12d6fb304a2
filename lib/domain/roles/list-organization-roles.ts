import "server-only";
import type { OrgAccess } from "../../auth/authorize";
import { parsePageSize, type ListParams } from "../../api/list";
import { queryDigest } from "../../api/page-token";
import { BUILT_IN_ORGANIZATION_ROLES } from "../../auth/permissions";
import type { ListRolesOutput } from "../../schemas/roles";
import { builtInRoleOutput, builtInsAfter, decodeRoleCursor, encodeRoleCursor } from "./role-output";

/** Kognitos ListOrganizationRoles: the organization-level roles, all built in. */
export async function listOrganizationRoles(access: OrgAccess, params: ListParams): Promise<ListRolesOutput> {
  const parent = `organizations/${access.organizationId}`;
  const pageSize = parsePageSize(params.page_size);
  const digest = queryDigest([`${parent}/roles`]);
  const cursor = params.page_token ? decodeRoleCursor(params.page_token, digest) : undefined;
  const remaining = builtInsAfter(BUILT_IN_ORGANIZATION_ROLES, cursor);
  const items = remaining.slice(0, pageSize);
  const next = remaining.length > pageSize ? encodeRoleCursor({ kind: "built-in", id: items[items.length - 1].id }, digest) : "";
  return { roles: items.map((r) => builtInRoleOutput(parent, r)), next_page_token: next };
}
