import { serve } from "@/lib/operations/serve";
import { BatchCreateWorkspaces, CountWorkspaceUsers } from "@/lib/operations/workspaces";

// Collection-level AIP-136 custom methods: the segment `workspaces:batchCreate` does not match the
// static `workspaces` folder, so it lands here; any other segment is an unknown path.
// POST /api/v1/organizations/{org}/workspaces:batchCreate — BatchCreateWorkspaces
// POST /api/v1/organizations/{org}/workspaces:countUsers — Kognitos CountWorkspaceUsers
export const { GET, POST, PUT, PATCH, DELETE } = serve(BatchCreateWorkspaces, CountWorkspaceUsers);
