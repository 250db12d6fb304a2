import { serve } from "@/lib/operations/serve";
import { ListOrganizationRoles } from "@/lib/operations/roles";

// GET /api/v1/organizations/{org}/roles — Kognitos ListOrganizationRoles
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOrganizationRoles);
