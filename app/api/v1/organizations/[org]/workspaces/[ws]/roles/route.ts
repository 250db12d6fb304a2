import { serve } from "@/lib/operations/serve";
import { CreateWorkspaceRole, ListWorkspaceRoles } from "@/lib/operations/roles";

// GET  …/workspaces/{ws}/roles — Kognitos ListWorkspaceRoles
// POST …/workspaces/{ws}/roles — CreateWorkspaceRole
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListWorkspaceRoles, CreateWorkspaceRole);
