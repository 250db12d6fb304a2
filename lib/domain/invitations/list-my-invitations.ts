import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import { normalizeEmail } from "../../schemas/common";
import type { ListMyInvitationsOutput } from "../../schemas/invitations";
import { invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";

const spec: ListSpec<Prisma.InvitationWhereInput> = {
  filter: {},
  order: { create_time: { path: "createdAt", kind: "date" } },
  defaultOrder: "create_time desc",
  idPath: "id",
};

/** GET /me/invitations: pending, unexpired invitations addressed to the caller's email, to live organizations and workspaces. */
export async function listMyInvitations(ctx: RequestContext, params: ListParams): Promise<ListMyInvitationsOutput> {
  const now = new Date();
  const email = normalizeEmail(ctx.caller.email);
  const plan = planList(spec, params, ["me/invitations", ctx.caller.userId, email]);
  const base: Prisma.InvitationWhereInput = {
    email,
    state: "PENDING",
    expireTime: { gt: now },
    organization: { deleteTime: null },
    OR: [{ workspaceId: null }, { workspace: { deleteTime: null, state: "ACTIVE" } }],
  };
  const prisma = await db();
  const rows = await prisma.invitation.findMany({
    where: plan.cursor ? { AND: [base, plan.cursor] } : base,
    orderBy: plan.orderBy as Prisma.InvitationOrderByWithRelationInput[],
    take: plan.pageSize + 1,
    select: { ...invitationSelect, organization: { select: { title: true } }, workspace: { select: { title: true } } },
  });
  const page = plan.page(rows);
  return {
    invitations: page.items.map((r) => ({
      ...toInvitationOutput(r as InvitationRow, now),
      organization_id: r.organizationId,
      organization_display_name: r.organization.title,
      workspace_display_name: r.workspace?.title ?? "",
    })),
    next_page_token: page.nextPageToken,
  };
}
