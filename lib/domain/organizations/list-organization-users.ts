import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { ListParams } from "../../api/list";
import type { ListUsersOutput } from "../../schemas/members";
import { roleResolver } from "../members/role-resolver";
import { planUserList, toUserWithRoles, type UserListRow } from "../members/user-list";
import { organizationUsersSource } from "./organization-user";

/** Kognitos ListOrganizationUsers: the organization's members with their organization roles. */
export async function listOrganizationUsers(ctx: RequestContext, access: OrgAccess, params: ListParams): Promise<ListUsersOutput> {
  const prisma = await db();
  const plan = await planUserList(
    [organizationUsersSource(access.organizationId)],
    params,
    [`organizations/${access.organizationId}/users`, ctx.caller.userId],
    roleResolver(prisma),
  );
  const page = plan.page(await prisma.$queryRaw<UserListRow[]>(plan.query));
  return { users: page.items.map((r) => toUserWithRoles(access.organizationId, r)), next_page_token: page.nextPageToken };
}
