import { serve } from "@/lib/operations/serve";
import { GetUserBasicInfo, RemoveOrganizationUser, UpdateOrganizationUser } from "@/lib/operations/members";

// GET    /api/v1/organizations/{org}/users/{user} — Kognitos GetUserBasicInfo
// PATCH  /api/v1/organizations/{org}/users/{user} — UpdateOrganizationUser
// DELETE /api/v1/organizations/{org}/users/{user} — RemoveOrganizationUser
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetUserBasicInfo, UpdateOrganizationUser, RemoveOrganizationUser);
