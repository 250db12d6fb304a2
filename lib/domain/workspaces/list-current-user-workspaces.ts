import "server-only";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import type { ListParams } from "../../api/list";
import type { WorkspaceOutput } from "../../schemas/workspaces";
import { listWorkspaces } from "./list-workspaces";

/**
 * GET /me/organizations/{org}/workspaces — Kognitos CurrentUserOrganizationWorkspaces: the
 * workspaces of the organization the caller can read (all of them for an org admin), never
 * soft-deleted ones. Same filter and order as ListWorkspaces; its page tokens are its own.
 */
export async function listCurrentUserWorkspaces(
  ctx: RequestContext,
  access: OrgAccess,
  params: ListParams,
): Promise<{ user_workspaces: WorkspaceOutput[]; next_page_token: string }> {
  const page = await listWorkspaces(ctx, access, params, { collection: `me/organizations/${access.organizationId}/workspaces` });
  return { user_workspaces: page.workspaces, next_page_token: page.next_page_token };
}
