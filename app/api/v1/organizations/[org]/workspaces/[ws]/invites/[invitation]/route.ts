import { serve } from "@/lib/operations/serve";
import { ResendWorkspaceUserInvite, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";

// DELETE …/invites/{id}         — RevokeWorkspaceUserInvite
// POST   …/invites/{id}:resend  — ResendWorkspaceUserInvite
export const { GET, POST, PUT, PATCH, DELETE } = serve(RevokeWorkspaceUserInvite, ResendWorkspaceUserInvite);
