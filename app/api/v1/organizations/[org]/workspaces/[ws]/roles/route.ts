import { parseWith } from "@/lib/api/http";
import { listParams } from "@/lib/api/list";
import { created, withWorkspace } from "@/lib/auth/route";
import { createWorkspaceRole } from "@/lib/domain/roles/create-workspace-role";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
import { RoleCreateInput } from "@/lib/schemas/roles";

// GET /api/v1/organizations/{org}/workspaces/{ws}/roles — Kognitos ListWorkspaceRoles
export const GET = withWorkspace("read:Role", async ({ access, query }) => listWorkspaceRoles(access, listParams(query)));

// POST /api/v1/organizations/{org}/workspaces/{ws}/roles — CreateWorkspaceRole (a custom role)
export const POST = withWorkspace("create:Role", async ({ ctx, access, body }) => {
  const role = await createWorkspaceRole(ctx, access, parseWith(RoleCreateInput, await body()));
  return created(role, `/api/v1/${role.name}`);
});
