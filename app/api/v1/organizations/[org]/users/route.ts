import { serve } from "@/lib/operations/serve";
import { AddOrganizationUser, ListOrganizationUsers } from "@/lib/operations/members";

// GET  /api/v1/organizations/{org}/users — Kognitos ListOrganizationUsers
// POST /api/v1/organizations/{org}/users — AddOrganizationUser
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOrganizationUsers, AddOrganizationUser);
