import { serve } from "@/lib/operations/serve";
import { CreateWorkspaceUserInvites, ListWorkspaceUserInvites } from "@/lib/operations/invitations";

// GET  …/workspaces/{ws}/invites — Kognitos ListWorkspaceUserInvites
// POST …/workspaces/{ws}/invites — CreateWorkspaceUserInvites
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListWorkspaceUserInvites, CreateWorkspaceUserInvites);
