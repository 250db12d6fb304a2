import { serve } from "@/lib/operations/serve";
import { GetInvitation } from "@/lib/operations/invitations";

// GET /organizations/{org}/invitations/{id} — Kognitos GetInvitation
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetInvitation);
