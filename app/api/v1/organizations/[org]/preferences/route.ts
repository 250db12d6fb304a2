import { serve } from "@/lib/operations/serve";
import { GetOrganizationPreferences, UpdateOrganizationPreferences } from "@/lib/operations/preferences";

// GET /api/v1/organizations/{org}/preferences — GetOrganizationPreferences
// PATCH /api/v1/organizations/{org}/preferences — UpdateOrganizationPreferences
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetOrganizationPreferences, UpdateOrganizationPreferences);
