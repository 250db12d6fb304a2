import { serve } from "@/lib/operations/serve";
import { ListCurrentUserOrganizations } from "@/lib/operations/organizations";

// GET /api/v1/me/organizations — Kognitos CurrentUserOrganizations
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListCurrentUserOrganizations);
