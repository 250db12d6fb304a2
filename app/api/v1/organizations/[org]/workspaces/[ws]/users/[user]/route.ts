import { parseWith } from "@/lib/api/http";
import { resolveUpdateMask } from "@/lib/api/update-mask";
import { noContent, withWorkspace, withWorkspaceOrSelf } from "@/lib/auth/route";
import { getWorkspaceMember } from "@/lib/domain/members/get-workspace-member";
import { removeWorkspaceMember } from "@/lib/domain/members/remove-workspace-member";
import { updateWorkspaceMember } from "@/lib/domain/members/update-workspace-member";
import { MEMBER_UPDATE_MASK, MemberRolesUpdateInput } from "@/lib/schemas/members";

// GET /api/v1/organizations/{org}/workspaces/{ws}/users/{user} — GetWorkspaceUser (v1UserWithRoles)
export const GET = withWorkspace("read:Member", async ({ access, params }) => getWorkspaceMember(access, params.user));

// PATCH /api/v1/organizations/{org}/workspaces/{ws}/users/{user} — UpdateWorkspaceUser (replaces workspace roles)
export const PATCH = withWorkspace("update:Member", async ({ ctx, access, params, body, query }) => {
  const raw = await body();
  resolveUpdateMask(query.get("update_mask"), raw, MEMBER_UPDATE_MASK);
  return updateWorkspaceMember(ctx, access, params.user, parseWith(MemberRolesUpdateInput, raw));
});

// DELETE /api/v1/organizations/{org}/workspaces/{ws}/users/{user} — RemoveWorkspaceUser; a member may always leave
export const DELETE = withWorkspaceOrSelf(
  "delete:Member",
  ({ ctx, params }) => params.user === ctx.caller.userId,
  async ({ ctx, access, params }) => {
    await removeWorkspaceMember(ctx, access, params.user);
    return noContent();
  },
);
