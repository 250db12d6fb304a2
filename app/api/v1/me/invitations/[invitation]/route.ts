import { serve } from "@/lib/operations/serve";
import { DeclineInvitation } from "@/lib/operations/invitations";

// POST /me/invitations/{id}:decline — DeclineInvitation
export const { GET, POST, PUT, PATCH, DELETE } = serve(DeclineInvitation);
