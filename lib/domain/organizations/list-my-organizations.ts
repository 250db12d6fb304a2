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

/** Kognitos CurrentUserOrganizations: the organizations the caller belongs to. */
export async function listMyOrganizations(
  ctx: RequestContext,
  params: ListParams,
): Promise<{ user_organizations: OrganizationOutput[]; next_page_token: string }> {
  const plan = planList(myOrganizationsSpec, params, ["me/organizations", ctx.caller.userId]);
  const token = ctx.caller.token;
  const prisma = await db();
  const rows = await prisma.organization.findMany({
    where: {
      AND: [
        { members: { some: { userId: ctx.caller.userId } } },
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
