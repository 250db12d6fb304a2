import { parseWith } from "@/lib/api/http";
import { listParams } from "@/lib/api/list";
import { created, withOrg } from "@/lib/auth/route";
import { addOrganizationMember } from "@/lib/domain/organizations/add-organization-member";
import { listOrganizationUsers } from "@/lib/domain/organizations/list-organization-users";
import { OrganizationMemberCreateInput } from "@/lib/schemas/members";

// GET /api/v1/organizations/{org}/users — Kognitos ListOrganizationUsers
export const GET = withOrg("read:Organization", async ({ ctx, access, query }) => listOrganizationUsers(ctx, access, listParams(query)));

// POST /api/v1/organizations/{org}/users — AddOrganizationUser (an existing account, by email)
export const POST = withOrg("manage:OrganizationMember", async ({ ctx, access, body }) => {
  const user = await addOrganizationMember(ctx, access, parseWith(OrganizationMemberCreateInput, await body()));
  return created(user, `/api/v1/${user.user.name}`);
});
