import { serve } from "@/lib/operations/serve";
import { ListOrganizationAuditLogs } from "@/lib/operations/audit";

// GET /api/v1/organizations/{org}/audit-logs — ListOrganizationAuditLogs
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListOrganizationAuditLogs);
