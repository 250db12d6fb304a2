import { listParams } from "@/lib/api/list";
import { withOrg } from "@/lib/auth/route";
import { listCurrentUserWorkspaces } from "@/lib/domain/workspaces/list-current-user-workspaces";

// GET /api/v1/me/organizations/{org}/workspaces — Kognitos CurrentUserOrganizationWorkspaces
export const GET = withOrg("read:Organization", async ({ ctx, access, query }) => listCurrentUserWorkspaces(ctx, access, listParams(query)));
