import { serve } from "@/lib/operations/serve";
import { GetInvitationSettings, UpdateInvitationSettings } from "@/lib/operations/invitations";

// GET   /organizations/{org}/invitationSettings — GetInvitationSettings
// PATCH /organizations/{org}/invitationSettings — UpdateInvitationSettings
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetInvitationSettings, UpdateInvitationSettings);
