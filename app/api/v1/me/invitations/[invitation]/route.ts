import { serve } from "@/lib/operations/serve";
import { AcceptMyInvitation, DeclineInvitation } from "@/lib/operations/invitations";

// POST /me/invitations/{id}:accept — AcceptCurrentUserInvitation
// POST /me/invitations/{id}:decline — DeclineInvitation
export const { GET, POST, PUT, PATCH, DELETE } = serve(AcceptMyInvitation, DeclineInvitation);
