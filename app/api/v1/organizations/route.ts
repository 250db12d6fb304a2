import { serve } from "@/lib/operations/serve";
import { CreateOrganization, ListOrganizations } from "@/lib/operations/organizations";

// GET  /api/v1/organizations — ListOrganizations (the caller's)
// POST /api/v1/organizations — CreateOrganization
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOrganizations, CreateOrganization);
