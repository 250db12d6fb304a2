import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { BUILT_IN_WORKSPACE_ROLES } from "@/lib/auth/permissions";
import { listWorkspaceUsers } from "@/lib/domain/members/list-workspace-users";
import { builtInRoleOutput } from "@/lib/domain/roles/role-output";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
import {
  ADMIN_COVERAGE_PARAMS,
  memberListParams,
  parseMemberListQuery,
  type MemberListQuery,
} from "@/lib/console/member-list-query";
import type { ListUsersOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { gate, gates } from "@/lib/operations/gates";
import { CreateWorkspaceUserInvites } from "@/lib/operations/invitations";
import { AddWorkspaceUser, ListWorkspaceUsers, RemoveWorkspaceUser, UpdateWorkspaceUser } from "@/lib/operations/members";
import { ListWorkspaceRoles } from "@/lib/operations/roles";
import { ErrorState } from "@/components/states";
import { readOnlyReason, requireWorkspaceTab } from "../_lib/tab-access";
import { MembersView } from "./_components/members-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

async function firstPaint(ctx: RequestContext, access: WorkspaceAccess, query: MemberListQuery) {
  let first: ListUsersOutput | null = null;
  try {
    first = await listWorkspaceUsers(ctx, access, memberListParams(query));
  } catch (error) {
    // A bad URL (a stale page token, a role that no longer exists) is the table's to explain: it
    // fetches again and shows the API's message and request id.
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
  }
  const coverage = await listWorkspaceUsers(ctx, access, ADMIN_COVERAGE_PARAMS);
  const parent = `organizations/${access.organizationId}/workspaces/${access.workspaceId}`;
  const roles: RoleOutput[] = gate(access, ListWorkspaceRoles).can
    ? (await listWorkspaceRoles(access, { page_size: "1000" })).roles
    : BUILT_IN_WORKSPACE_ROLES.map((r) => builtInRoleOutput(parent, r));
  return { first, coverage: coverage.users, roles, fetchedAt: Date.now() };
}

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; ws: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org, ws } = await params;
  const query = parseMemberListQuery(await searchParams);
  const { ctx, access } = await requireWorkspaceTab(org, ws);

  const view = gate(access, ListWorkspaceUsers);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot see this workspace's members"
        message={`${view.reason} Ask a workspace admin for access.`}
        requestId={ctx.requestId}
      />
    );
  }

  const { first, coverage, roles, fetchedAt } = await firstPaint(ctx, access, query);
  return (
    <MembersView
      org={org}
      ws={ws}
      me={ctx.caller.userId}
      isOrgAdmin={access.isOrgAdmin}
      permissions={[...access.permissions]}
      can={gates(access, {
        add: AddWorkspaceUser,
        changeRoles: UpdateWorkspaceUser,
        remove: RemoveWorkspaceUser,
        invite: CreateWorkspaceUserInvites,
        readRoles: ListWorkspaceRoles,
      })}
      readOnly={readOnlyReason(access.workspaceState)}
      initialQuery={query}
      initialData={first}
      initialCoverage={coverage}
      initialRoles={roles}
      renderedAt={fetchedAt}
    />
  );
}
