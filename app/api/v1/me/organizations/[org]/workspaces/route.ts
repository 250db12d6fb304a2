import { listParams } from "@/lib/api/list";
import { withOrg } from "@/lib/auth/route";
import { listWorkspaces } from "@/lib/domain/workspaces/list-workspaces";

// GET /api/v1/me/organizations/{org}/workspaces — Kognitos CurrentUserOrganizationWorkspaces
export const GET = withOrg("read:Organization", async ({ ctx, access, query }) => {
  const page = await listWorkspaces(ctx, access, listParams(query));
  return { user_workspaces: page.workspaces, next_page_token: page.next_page_token };
});
