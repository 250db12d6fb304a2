import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { filterOn } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import type { ListTokensOutput } from "../../schemas/tokens";
import { tokenSelect, toTokenOutput, visibleTokensWhere } from "./token-output";

export const tokensSpec: ListSpec<Prisma.PersonalAccessTokenWhereInput> = {
  filter: { display_name: filterOn.text("displayName") },
  order: {
    create_time: { path: "createdAt", kind: "date" },
  },
  defaultOrder: "create_time desc",
  idPath: "id",
};

/** GET /me/tokens: the caller's tokens, newest first, never the secret. */
export async function listTokens(ctx: RequestContext, params: ListParams): Promise<ListTokensOutput> {
  const scope = visibleTokensWhere(ctx);
  const plan = planList(tokensSpec, params, ["me/tokens", ctx.caller.userId, scope.organizationId ? String(scope.organizationId) : "*"]);
  const prisma = await db();
  const rows = await prisma.personalAccessToken.findMany({
    where: { AND: [scope, ...(plan.filter ? [plan.filter] : []), ...(plan.cursor ? [plan.cursor] : [])] },
    orderBy: plan.orderBy,
    take: plan.pageSize + 1,
    select: tokenSelect,
  });
  const page = plan.page(rows);
  const now = new Date();
  return { tokens: page.items.map((r) => toTokenOutput(r, now)), next_page_token: page.nextPageToken };
}
