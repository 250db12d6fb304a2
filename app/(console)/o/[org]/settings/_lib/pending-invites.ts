// One page of the organization's pending invitations for its settings (ListOrganizationUserInvites),
// with what each row needs besides: the workspace's title, what the caller may do there (their
// access in that workspace, and whether it can change at all), and roles by title.

import "server-only";
import { ApiError } from "@/lib/api/errors";
import { loadWorkspaceAccess, type OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { roleTitles } from "@/lib/domain/invitations/insert-invitation";
import { listOrganizationInvitations } from "@/lib/domain/invitations/list-invitations";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { gates, type Gate } from "@/lib/operations/gates";
import { ResendWorkspaceUserInvite, RevokeWorkspaceUserInvite } from "@/lib/operations/invitations";
import type { UserInvitationOutput } from "@/lib/schemas/invitations";
import { readOnlyReason } from "../../workspaces/[ws]/_lib/tab-access";
import { PENDING_INVITES_PAGE_SIZE } from "./page-size";


/** A workspace the listed invitations point at: its title and what the caller may do there. */
export interface InviteWorkspace {
  title: string;
  resend: Gate;
  revoke: Gate;
}

export interface PendingInvitesPage {
  invitations: UserInvitationOutput[];
  /** By workspace id; absent for a workspace the caller cannot see. */
  workspaces: Record<string, InviteWorkspace>;
  /** Each role id of the page by its title (custom roles are ids on the wire). */
  roleTitles: Record<string, string>;
  next_page_token: string;
}

async function workspaceOf(ctx: RequestContext, organizationId: string, workspaceId: string): Promise<InviteWorkspace | null> {
  const wsAccess = await loadWorkspaceAccess(ctx, { organizationId, workspaceId }).catch((error: unknown) => {
    // A workspace the caller cannot see: its row stays, without a link or actions.
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!wsAccess) return null;
  const workspace = await getWorkspace(wsAccess);
  const readOnly = readOnlyReason(wsAccess.workspaceState);
  const can = gates(wsAccess, { resend: ResendWorkspaceUserInvite, revoke: RevokeWorkspaceUserInvite });
  const withState = (g: Gate): Gate => (readOnly && g.can ? { can: false, reason: readOnly, needs: "" } : g);
  return { title: workspace.title, resend: withState(can.resend), revoke: withState(can.revoke) };
}

export async function pendingInvitesPage(ctx: RequestContext, access: OrgAccess, pageToken = ""): Promise<PendingInvitesPage> {
  const list = await listOrganizationInvitations(ctx, access, {
    filter: 'state = "PENDING"',
    page_size: String(PENDING_INVITES_PAGE_SIZE),
    order_by: "create_time desc",
    page_token: pageToken,
  });
  const ids = [...new Set(list.invitations.map((i) => i.workspace_id))];
  const workspaces: Record<string, InviteWorkspace> = {};
  const titles: Record<string, string> = {};
  const prisma = await db();
  await Promise.all(
    ids.map(async (workspaceId) => {
      const roles = [...new Set(list.invitations.filter((i) => i.workspace_id === workspaceId).flatMap((i) => i.roles))];
      for (const [id, title] of await roleTitles(prisma, workspaceId || null, roles)) titles[id] = title;
      const ws = workspaceId ? await workspaceOf(ctx, access.organizationId, workspaceId) : null;
      if (ws) workspaces[workspaceId] = ws;
    }),
  );
  return { invitations: list.invitations, workspaces, roleTitles: titles, next_page_token: list.next_page_token };
}
