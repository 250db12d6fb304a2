import { serve } from "@/lib/operations/serve";
import { AddWorkspaceUser, ListWorkspaceUsers } from "@/lib/operations/members";

// GET  …/workspaces/{ws}/users — Kognitos ListWorkspaceUsers
// POST …/workspaces/{ws}/users — AddWorkspaceUser
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListWorkspaceUsers, AddWorkspaceUser);
