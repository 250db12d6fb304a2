import { serve } from "@/lib/operations/serve";
import { CreateWorkspace, ListWorkspaces } from "@/lib/operations/workspaces";

// GET  /api/v1/organizations/{org}/workspaces — Kognitos ListWorkspaces
// POST /api/v1/organizations/{org}/workspaces — CreateWorkspace
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListWorkspaces, CreateWorkspace);
