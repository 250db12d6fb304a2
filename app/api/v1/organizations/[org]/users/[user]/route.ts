import { parseWith } from "@/lib/api/http";
import { resolveUpdateMask } from "@/lib/api/update-mask";
import { noContent, withOrg } from "@/lib/auth/route";
import { getUserBasicInfo } from "@/lib/domain/organizations/get-user-basic-info";
import { removeOrganizationMember } from "@/lib/domain/organizations/remove-organization-member";
import { updateOrganizationMember } from "@/lib/domain/organizations/update-organization-member";
import { MEMBER_UPDATE_MASK, MemberRolesUpdateInput } from "@/lib/schemas/members";

// GET /api/v1/organizations/{org}/users/{user} — Kognitos GetUserBasicInfo
export const GET = withOrg("read:Organization", async ({ access, params }) => getUserBasicInfo(access, params.user));

// PATCH /api/v1/organizations/{org}/users/{user} — UpdateOrganizationUser (replaces organization roles)
export const PATCH = withOrg("manage:OrganizationMember", async ({ ctx, access, params, body, query }) => {
  const raw = await body();
  resolveUpdateMask(query.get("update_mask"), raw, MEMBER_UPDATE_MASK);
  return updateOrganizationMember(ctx, access, params.user, parseWith(MemberRolesUpdateInput, raw));
});

// DELETE /api/v1/organizations/{org}/users/{user} — RemoveOrganizationUser (and from all its workspaces)
export const DELETE = withOrg("manage:OrganizationMember", async ({ ctx, access, params }) => {
  await removeOrganizationMember(ctx, access, params.user);
  return noContent();
});
