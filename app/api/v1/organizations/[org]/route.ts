import { serve } from "@/lib/operations/serve";
import { GetOrganization, TransferOwnership, UpdateOrganization } from "@/lib/operations/organizations";

// GET   /api/v1/organizations/{org} — Kognitos GetOrganization
// PATCH /api/v1/organizations/{org} — UpdateOrganization
// POST  /api/v1/organizations/{org}:transferOwnership — TransferOrganizationOwnership
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetOrganization, UpdateOrganization, TransferOwnership);
