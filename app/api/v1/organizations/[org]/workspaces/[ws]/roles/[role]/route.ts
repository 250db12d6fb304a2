import { noContent, withWorkspace } from "@/lib/auth/route";
import { deleteWorkspaceRole } from "@/lib/domain/roles/delete-workspace-role";
import { getWorkspaceRole } from "@/lib/domain/roles/get-workspace-role";
import { rolePreconditions } from "@/lib/domain/roles/role-preconditions";
import { updateWorkspaceRole } from "@/lib/domain/roles/update-workspace-role";

// GET /api/v1/organizations/{org}/workspaces/{ws}/roles/{role} — GetWorkspaceRole
export const GET = withWorkspace("read:Role", async ({ access, params }) => getWorkspaceRole(access, params.role));

// PATCH /api/v1/organizations/{org}/workspaces/{ws}/roles/{role} — UpdateWorkspaceRole (etag / If-Match)
export const PATCH = withWorkspace("update:Role", async ({ req, ctx, access, params, body, query }) => {
  const raw = await body();
  return updateWorkspaceRole(ctx, access, params.role, raw, query.get("update_mask"), rolePreconditions(req, raw));
});

// DELETE /api/v1/organizations/{org}/workspaces/{ws}/roles/{role} — DeleteWorkspaceRole (not while assigned)
export const DELETE = withWorkspace("delete:Role", async ({ req, ctx, access, params, body }) => {
  await deleteWorkspaceRole(ctx, access, params.role, rolePreconditions(req, await body()));
  return noContent();
});
