import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess, WorkspaceAccess } from "../../auth/authorize";
import { filterOn, parseFilter, type FilterField, type FilterNode } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import { INVITATION_STATES, type ListInvitationsOutput } from "../../schemas/invitations";
import { invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";

type Where = Prisma.InvitationWhereInput;

/**
 * `state` as callers see it: a PENDING row past its expiry is EXPIRED even before the job
 * runner's sweep rewrites it, so the filter asks for the time as well as the stored state.
 */
function stateIs(state: string, now: Date): Where {
  if (state === "PENDING") return { state: "PENDING", expireTime: { gt: now } };
  if (state === "EXPIRED") return { OR: [{ state: "EXPIRED" }, { state: "PENDING", expireTime: { lte: now } }] };
  return { state: state as Where["state"] & string };
}

function stateField(now: Date): FilterField<Where> {
  return {
    ops: ["=", "!="],
    where: (op, value, reject) => {
      const v = value.toUpperCase();
      if (!(INVITATION_STATES as readonly string[]).includes(v)) reject(`'${value}' is not one of ${INVITATION_STATES.join(", ")}`);
      return op === "!=" ? { NOT: stateIs(v, now) } : stateIs(v, now);
    },
  };
}

export function invitationListSpec(now: Date, withWorkspace: boolean): ListSpec<Where> {
  return {
    filter: {
      state: stateField(now),
      email: filterOn.text("email"),
      create_time: filterOn.timestamp("createdAt"),
      expire_time: filterOn.timestamp("expireTime"),
      ...(withWorkspace ? { workspace_id: filterOn.text("workspaceId") } : {}),
    },
    order: {
      create_time: { path: "createdAt", kind: "date" },
      expire_time: { path: "expireTime", kind: "date" },
      email: { path: "email", kind: "string" },
    },
    defaultOrder: "create_time desc",
    idPath: "id",
  };
}

function mentionsState(node: FilterNode | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case "and":
    case "or":
      return node.children.some(mentionsState);
    case "not":
      return mentionsState(node.child);
    case "cmp":
      return node.field === "state";
  }
}

async function listInvitations(scope: Where[], params: ListParams, collection: string[], withWorkspace: boolean): Promise<ListInvitationsOutput> {
  const now = new Date();
  const plan = planList(invitationListSpec(now, withWorkspace), params, collection);
  // Pending ones unless the filter asks for a state (API.md §7).
  if (!mentionsState(parseFilter(params.filter))) scope.push(stateIs("PENDING", now));
  const base: Where = { AND: [...scope, ...(plan.filter ? [plan.filter] : [])] };
  const prisma = await db();
  const rows = (await prisma.invitation.findMany({
    where: plan.cursor ? { AND: [base, plan.cursor] } : base,
    orderBy: plan.orderBy as Prisma.InvitationOrderByWithRelationInput[],
    take: plan.pageSize + 1,
    select: invitationSelect,
  })) as InvitationRow[];
  const page = plan.page(rows);
  return { invitations: page.items.map((r) => toInvitationOutput(r, now)), next_page_token: page.nextPageToken };
}

/** Kognitos ListWorkspaceUserInvites. */
export async function listWorkspaceInvitations(ctx: RequestContext, access: WorkspaceAccess, params: ListParams): Promise<ListInvitationsOutput> {
  const { organizationId, workspaceId } = access;
  return listInvitations(
    [{ organizationId, workspaceId }],
    params,
    [`organizations/${organizationId}/workspaces/${workspaceId}/invites`, ctx.caller.userId],
    false,
  );
}

/** Kognitos ListOrganizationUserInvites: the organization's invitations and those of its live workspaces. */
export async function listOrganizationInvitations(ctx: RequestContext, access: OrgAccess, params: ListParams): Promise<ListInvitationsOutput> {
  const { organizationId } = access;
  return listInvitations(
    [{ organizationId }, { OR: [{ workspaceId: null }, { workspace: { deleteTime: null } }] }],
    params,
    [`organizations/${organizationId}/invites`, ctx.caller.userId],
    true,
  );
}
