import { withWorkspace } from "@/lib/auth/route";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";

// GET /api/v1/organizations/{org}/workspaces/{ws} — Kognitos GetWorkspace
export const GET = withWorkspace("read:Workspace", async ({ access }) => getWorkspace(access));
