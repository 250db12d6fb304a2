import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { ListParams } from "../../api/list";
import type { ListOrganizationUsersOutput } from "../../schemas/organizations";
import { roleResolver } from "../members/role-resolver";
import { planUserList, runUserList } from "../members/user-list";
import { organizationUsersSource } from "./organization-user";

/**
 * Kognitos ListOrganizationUsers: the organization's members with their organization roles, and
 * when each was added (`create_time`, which the console shows and `order_by created_time` sorts on),
 * and the list's `total_size` for the filter (an added field, like `create_time`).
 */
export async function listOrganizationUsers(ctx: RequestContext, access: OrgAccess, params: ListParams): Promise<ListOrganizationUsersOutput> {
  const prisma = await db();
  const plan = await planUserList(
    [organizationUsersSource(access.organizationId)],
    params,
    [`organizations/${access.organizationId}/users`, ctx.caller.userId],
    roleResolver(prisma),
  );
  return runUserList(prisma, access.organizationId, plan);
}
