import { serve } from "@/lib/operations/serve";
import { ListWorkspaceAuditLogs } from "@/lib/operations/audit";

// GET /api/v1/organizations/{org}/workspaces/{ws}/audit-logs — ListWorkspaceAuditLogs
export const { GET, POST, PUT, PATCH, DELETE } = serve(ListWorkspaceAuditLogs);
