import { serve } from "@/lib/operations/serve";
import { DeleteWorkspaceRole, GetWorkspaceRole, UpdateWorkspaceRole } from "@/lib/operations/roles";

// GET    …/workspaces/{ws}/roles/{role} — GetWorkspaceRole
// PATCH  …/workspaces/{ws}/roles/{role} — UpdateWorkspaceRole
// DELETE …/workspaces/{ws}/roles/{role} — DeleteWorkspaceRole
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetWorkspaceRole, UpdateWorkspaceRole, DeleteWorkspaceRole);
