import { serve } from "@/lib/operations/serve";
import { ListMyInvitations } from "@/lib/operations/invitations";

// GET /me/invitations — ListCurrentUserInvitations
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListMyInvitations);
