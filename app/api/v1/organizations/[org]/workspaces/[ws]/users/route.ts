import { parseWith } from "@/lib/api/http";
import { listParams } from "@/lib/api/list";
import { created, withWorkspace } from "@/lib/auth/route";
import { addWorkspaceMember } from "@/lib/domain/members/add-workspace-member";
import { listWorkspaceUsers } from "@/lib/domain/members/list-workspace-users";
import { WorkspaceMemberCreateInput } from "@/lib/schemas/members";

// GET /api/v1/organizations/{org}/workspaces/{ws}/users — Kognitos ListWorkspaceUsers
export const GET = withWorkspace("read:Member", async ({ ctx, access, query }) => listWorkspaceUsers(ctx, access, listParams(query)));

// POST /api/v1/organizations/{org}/workspaces/{ws}/users — AddWorkspaceUser (an organization member)
export const POST = withWorkspace("create:Member", async ({ ctx, access, body }) => {
  const user = await addWorkspaceMember(ctx, access, parseWith(WorkspaceMemberCreateInput, await body()));
  const userId = user.user.name.split("/").pop();
  return created(user, `/api/v1/organizations/${access.organizationId}/workspaces/${access.workspaceId}/users/${userId}`);
});
