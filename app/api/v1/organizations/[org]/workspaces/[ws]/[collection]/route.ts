import { serve } from "@/lib/operations/serve";
import { CountRoleHolders } from "@/lib/operations/roles";
import { ExportWorkspaceAuditLogs } from "@/lib/operations/audit";

// Custom methods on a workspace's collections (`roles:countHolders`), which no static folder matches.
// GET …/workspaces/{ws}/roles:countHolders — CountRoleHolders
// GET …/workspaces/{ws}/audit-logs:export — ExportWorkspaceAuditLogs
export const { GET, POST, PUT, PATCH, DELETE } = serve(CountRoleHolders, ExportWorkspaceAuditLogs);
