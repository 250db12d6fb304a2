import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { filterOn } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import type { OrganizationOutput } from "../../schemas/organizations";
import { organizationSelect, toOrganizationOutput } from "./organization-output";

export const myOrganizationsSpec: ListSpec<Prisma.OrganizationWhereInput> = {
  filter: { title: filterOn.text("title") },
  order: {
    title: { path: "title", kind: "string" },
    create_time: { path: "createdAt", kind: "date" },
  },
  defaultOrder: "title",
  idPath: "id",
};

/**
 * Kognitos CurrentUserOrganizations: the organizations the caller belongs to. With `showDeleted`
 * (AIP-164) also the soft-deleted ones the caller owns that can still be restored.
 */
export async function listMyOrganizations(
  ctx: RequestContext,
  params: ListParams,
  options: { showDeleted?: boolean } = {},
): Promise<{ user_organizations: OrganizationOutput[]; next_page_token: string }> {
  const plan = planList(myOrganizationsSpec, params, ["me/organizations", ctx.caller.userId, options.showDeleted ? "deleted" : ""]);
  const visible: Prisma.OrganizationWhereInput = options.showDeleted
    ? { OR: [{ deleteTime: null }, { ownerId: ctx.caller.userId, purgedTime: null, purgeTime: { gt: new Date() } }] }
    : { deleteTime: null };
  const token = ctx.caller.token;
  const prisma = await db();
  const rows = await prisma.organization.findMany({
    where: {
      AND: [
        { members: { some: { userId: ctx.caller.userId } } },
        visible,
        ...(token?.organizationId ? [{ id: token.organizationId }] : []),
        ...(plan.filter ? [plan.filter] : []),
        ...(plan.cursor ? [plan.cursor] : []),
      ],
    },
    orderBy: plan.orderBy,
    take: plan.pageSize + 1,
    select: organizationSelect,
  });
  const page = plan.page(rows);
  return { user_organizations: page.items.map(toOrganizationOutput), next_page_token: page.nextPageToken };
}
