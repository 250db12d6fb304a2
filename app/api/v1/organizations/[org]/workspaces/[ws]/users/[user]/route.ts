import { serve } from "@/lib/operations/serve";
import { GetWorkspaceUser, RemoveWorkspaceUser, UpdateWorkspaceUser } from "@/lib/operations/members";

// GET    …/workspaces/{ws}/users/{user} — GetWorkspaceUser
// PATCH  …/workspaces/{ws}/users/{user} — UpdateWorkspaceUser
// DELETE …/workspaces/{ws}/users/{user} — RemoveWorkspaceUser (a member may always leave)
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetWorkspaceUser, UpdateWorkspaceUser, RemoveWorkspaceUser);
