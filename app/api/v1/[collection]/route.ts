import { serve } from "@/lib/operations/serve";
import { AcceptInvitation } from "@/lib/operations/invitations";

// Top-level AIP-136 custom methods (`invitations:accept`), which no static folder matches; any
// other single segment is an unknown path.
// POST /api/v1/invitations:accept — AcceptInvitation
export const { GET, POST, PUT, PATCH, DELETE } = serve(AcceptInvitation);
