import { serve } from "@/lib/operations/serve";
import { DeleteOrganization, GetOrganization, TransferOwnership, UndeleteOrganization, UpdateOrganization } from "@/lib/operations/organizations";

// GET    /api/v1/organizations/{org} — Kognitos GetOrganization
// PATCH  /api/v1/organizations/{org} — UpdateOrganization
// DELETE /api/v1/organizations/{org} — DeleteOrganization
// POST   /api/v1/organizations/{org}:transferOwnership — TransferOrganizationOwnership
// POST   /api/v1/organizations/{org}:undelete — UndeleteOrganization
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetOrganization, UpdateOrganization, DeleteOrganization, TransferOwnership, UndeleteOrganization);
