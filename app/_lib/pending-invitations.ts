// The signed-in user's pending invitations for the home page and the organization switcher:
// ListCurrentUserInvitations' rows with their roles by title (custom roles have ids on the wire).

import "server-only";
import type { RequestContext } from "@/lib/auth/context";
import { db } from "@/lib/db";
import { roleTitles } from "@/lib/domain/invitations/insert-invitation";
import { listMyInvitations } from "@/lib/domain/invitations/list-my-invitations";
import type { PendingInvitation } from "@/lib/console/my-invitations";

/** The newest 100: more than anyone answers from a list; the rest show up as these are answered. */
export async function pendingInvitationsOf(ctx: RequestContext): Promise<PendingInvitation[]> {
  const { invitations } = await listMyInvitations(ctx, { page_size: "100" });
  const prisma = await db();
  return Promise.all(
    invitations.map(async (inv) => {
      const titles = await roleTitles(prisma, inv.workspace_id || null, inv.roles);
      return {
        id: inv.invitation_id,
        organizationId: inv.organization_id,
        organizationTitle: inv.organization_display_name,
        workspaceId: inv.workspace_id,
        workspaceTitle: inv.workspace_display_name,
        roleTitles: inv.roles.map((r) => titles.get(r) ?? r),
        inviter: inv.inviter_display_name || inv.inviter_email,
        expireTime: inv.expire_time,
      };
    }),
  );
}
