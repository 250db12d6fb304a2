import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { filterOn } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import { WORKSPACE_STATES, type WorkspaceOutput } from "../../schemas/workspaces";
import { toWorkspaceOutput, workspaceSelect } from "./workspace-output";

export const workspaceListSpec: ListSpec<Prisma.WorkspaceWhereInput> = {
  filter: {
    title: filterOn.text("title"),
    state: filterOn.enumeration("state", WORKSPACE_STATES),
    create_time: filterOn.timestamp("createdAt"),
    update_time: filterOn.timestamp("updatedAt"),
  },
  order: {
    title: { path: "title", kind: "string" },
    create_time: { path: "createdAt", kind: "date" },
    update_time: { path: "updatedAt", kind: "date" },
  },
  defaultOrder: "create_time desc",
  idPath: "id",
};

/** The workspaces of an organization the caller can see: all for an org admin, else their memberships. */
export function visibleWorkspaces(ctx: RequestContext, access: OrgAccess): Prisma.WorkspaceWhereInput[] {
  const scope: Prisma.WorkspaceWhereInput[] = [{ organizationId: access.organizationId }];
  if (!access.isOrgAdmin) scope.push({ members: { some: { userId: ctx.caller.userId } } });
  const tokenScope = ctx.caller.token?.workspaceIds ?? [];
  if (tokenScope.length > 0) scope.push({ id: { in: tokenScope } });
  return scope;
}

export interface ListWorkspacesOptions {
  /** AIP-164 `show_deleted`: soft-deleted workspaces not yet past their purge time are listed too. */
  showDeleted?: boolean;
  /** The collection's name, to which page tokens are bound (a token of one list fails on another). */
  collection?: string;
}

/** Kognitos ListWorkspaces (and, with another key, CurrentUserOrganizationWorkspaces). */
export async function listWorkspaces(
  ctx: RequestContext,
  access: OrgAccess,
  params: ListParams,
  options: ListWorkspacesOptions = {},
): Promise<{ workspaces: WorkspaceOutput[]; next_page_token: string; total_size: number }> {
  const scope = visibleWorkspaces(ctx, access);
  scope.push(options.showDeleted ? { OR: [{ deleteTime: null }, { purgeTime: { gt: new Date() } }] } : { deleteTime: null });
  const plan = planList(workspaceListSpec, params, [
    options.collection ?? `organizations/${access.organizationId}/workspaces`,
    ctx.caller.userId,
    options.showDeleted ? "deleted" : "",
  ]);
  const base: Prisma.WorkspaceWhereInput = { AND: [...scope, ...(plan.filter ? [plan.filter] : [])] };
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.workspace.findMany({
      where: plan.cursor ? { AND: [base, plan.cursor] } : base,
      orderBy: plan.orderBy,
      take: plan.pageSize + 1,
      select: workspaceSelect,
    }),
    prisma.workspace.count({ where: base }),
  ]);
  const page = plan.page(rows);
  return { workspaces: page.items.map(toWorkspaceOutput), next_page_token: page.nextPageToken, total_size: total };
}
