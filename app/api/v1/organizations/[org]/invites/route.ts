import { serve } from "@/lib/operations/serve";
import { ListOrganizationUserInvites } from "@/lib/operations/invitations";

// GET /organizations/{org}/invites — Kognitos ListOrganizationUserInvites
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOrganizationUserInvites);
