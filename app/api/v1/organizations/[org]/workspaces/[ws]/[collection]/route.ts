import { serve } from "@/lib/operations/serve";
import { CountRoleHolders } from "@/lib/operations/roles";

// Custom methods on a workspace's collections (`roles:countHolders`), which no static folder matches.
// GET …/workspaces/{ws}/roles:countHolders — CountRoleHolders
export const { GET, POST, PUT, PATCH, DELETE } = serve(CountRoleHolders);
