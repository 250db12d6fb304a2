import { serve } from "@/lib/operations/serve";
import { ListCurrentUserOrganizationWorkspaces } from "@/lib/operations/workspaces";

// GET /api/v1/me/organizations/{org}/workspaces — Kognitos CurrentUserOrganizationWorkspaces
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListCurrentUserOrganizationWorkspaces);
