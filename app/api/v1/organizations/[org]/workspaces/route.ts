import { jsonResponse, parseWith } from "@/lib/api/http";
import { listParams } from "@/lib/api/list";
import { withOrg } from "@/lib/auth/route";
import { createWorkspace } from "@/lib/domain/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { WorkspaceCreateInput } from "@/lib/schemas/workspaces";
import { parseBoolean } from "@/lib/api/query";

// GET /api/v1/organizations/{org}/workspaces — Kognitos ListWorkspaces
export const GET = withOrg("read:Organization", async ({ ctx, access, query }) =>
  listWorkspaces(ctx, access, listParams(query), { showDeleted: parseBoolean(query, "show_deleted") }),
);

// POST /api/v1/organizations/{org}/workspaces — CreateWorkspace
export const POST = withOrg("create:Workspace", async ({ ctx, access, body }) => {
  const ws = await createWorkspace(ctx, access, parseWith(WorkspaceCreateInput, await body()));
  return jsonResponse(ws, 201, { location: `/api/v1/${ws.name}`, etag: ws.etag });
});
