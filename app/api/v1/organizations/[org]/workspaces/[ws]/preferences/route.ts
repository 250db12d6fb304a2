import { serve } from "@/lib/operations/serve";
import { GetWorkspacePreferences, UpdateWorkspacePreferences } from "@/lib/operations/preferences";

// GET /api/v1/organizations/{org}/workspaces/{ws}/preferences — Kognitos GetWorkspacePreferences
// PATCH /api/v1/organizations/{org}/workspaces/{ws}/preferences — UpdateWorkspacePreferences
export const { GET, POST, PUT, PATCH, DELETE } = serve(GetWorkspacePreferences, UpdateWorkspacePreferences);
