import "server-only";
import type { OrgAccess } from "../../auth/authorize";
import { planKeyset, type ListParams } from "../../api/list";
import { BUILT_IN_ORGANIZATION_ROLES } from "../../auth/permissions";
import type { ListRolesOutput } from "../../schemas/roles";
import { builtInEntries, entriesAfter, roleListSpec } from "./role-output";

/** Kognitos ListOrganizationRoles: the organization-level roles, all built in. */
export async function listOrganizationRoles(access: OrgAccess, params: ListParams): Promise<ListRolesOutput> {
  const parent = `organizations/${access.organizationId}`;
  const keyset = planKeyset(roleListSpec, { page_size: params.page_size, page_token: params.page_token }, [`${parent}/roles`]);
  const page = keyset.page(entriesAfter(builtInEntries(parent, BUILT_IN_ORGANIZATION_ROLES), keyset.after));
  return { roles: page.items.map((e) => e.output), next_page_token: page.nextPageToken };
}
