import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { BUILT_IN_ORGANIZATION_ROLES, BUILT_IN_WORKSPACE_ROLES } from "@/lib/auth/permissions";
import { listWorkspaceUsers } from "@/lib/domain/members/list-workspace-users";
import { builtInRoleOutput } from "@/lib/domain/roles/role-output";
import { listWorkspaceRoles } from "@/lib/domain/roles/list-workspace-roles";
import {
  MEMBER_PAGE_SIZES,
  MEMBER_SORTS,
  MEMBER_SORT_LABELS,
  memberListParams,
  memberListSearch,
  parseMemberListQuery,
  type MemberListQuery,
} from "@/lib/console/member-list-query";
import { ADMIN_COVERAGE_PARAMS, lastAdminOf } from "@/lib/console/member-admins";
import type { ListUsersOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { gate, gates } from "@/lib/operations/gates";
import { CreateWorkspaceUserInvites } from "@/lib/operations/invitations";
import { AddWorkspaceUser, ListWorkspaceUsers, RemoveWorkspaceUser, UpdateWorkspaceUser } from "@/lib/operations/members";
import { ListWorkspaceRoles } from "@/lib/operations/roles";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/button";
import { ReasonNote } from "@/components/reason-note";
import { EmptyState, ErrorState } from "@/components/states";
import { UrlListButton, UrlPagination } from "@/components/url-list";
import { readOnlyReason, requireWorkspaceTab } from "../_lib/tab-access";
import { TabPending } from "../_components/workspace-tabs";
import { AddMemberButton, BulkBar, MembersList, MembersToolbar, type MemberFilterOptions } from "./_components/members-controls";
import { MembersTable } from "./_components/members-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

type FirstPage = { data: ListUsersOutput; error?: undefined } | { data: null; error: ApiError };

async function firstPage(ctx: RequestContext, access: WorkspaceAccess, query: MemberListQuery): Promise<FirstPage> {
  try {
    return { data: await listWorkspaceUsers(ctx, access, memberListParams(query)) };
  } catch (error) {
    // A bad URL (a stale page token, a role that no longer exists) is explained in the table's
    // place, with the API's message and the request id.
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
    return { data: null, error };
  }
}

/** The page's three reads, side by side: the whole tab is in the first HTML, so they hold it up. */
async function firstPaint(ctx: RequestContext, access: WorkspaceAccess, query: MemberListQuery) {
  const parent = `organizations/${access.organizationId}/workspaces/${access.workspaceId}`;
  const [first, coverage, roles] = await Promise.all([
    firstPage(ctx, access, query),
    // Whether one member is the workspace's last admin, whatever page or filter the table shows.
    listWorkspaceUsers(ctx, access, ADMIN_COVERAGE_PARAMS),
    gate(access, ListWorkspaceRoles).can
      ? listWorkspaceRoles(access, { page_size: "1000" }).then((r) => r.roles)
      : Promise.resolve<RoleOutput[]>(BUILT_IN_WORKSPACE_ROLES.map((r) => builtInRoleOutput(parent, r))),
  ]);
  return { first, lastAdmin: lastAdminOf(coverage.users), roles };
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

  const { first, lastAdmin, roles } = await firstPaint(ctx, access, query);
  const can = gates(access, {
    add: AddWorkspaceUser,
    changeRoles: UpdateWorkspaceUser,
    remove: RemoveWorkspaceUser,
    invite: CreateWorkspaceUserInvites,
  });
  const readOnly = readOnlyReason(access.workspaceState);
  const me = ctx.caller.userId;
  const bulk = { roles: can.changeRoles.can && !readOnly, remove: can.remove.can && !readOnly };
  const filtered = Boolean(query.q || query.role || query.scope);
  const clearFilters = { q: "", role: "", scope: "", pageToken: "" };
  const data = first.data;
  const rows = data?.users ?? [];
  const options: MemberFilterOptions = {
    role: [
      { value: "", label: "All roles" },
      ...roles.map((r) => ({ value: r.role_id, label: r.title, group: "Workspace roles" })),
      ...BUILT_IN_ORGANIZATION_ROLES.filter((r) => r.id === "org-admin").map((r) => ({ value: r.id, label: r.title, group: "Organization roles" })),
      ...(query.role && !roles.some((r) => r.role_id === query.role) && query.role !== "org-admin" ? [{ value: query.role, label: query.role }] : []),
    ],
    scope: [
      { value: "", label: "Any" },
      { value: "workspace", label: "Workspace members" },
      { value: "organization", label: "Via organization" },
    ],
    sort: MEMBER_SORTS.map((s) => ({ value: s, label: MEMBER_SORT_LABELS[s] })),
    pageSize: MEMBER_PAGE_SIZES.map((n) => ({ value: n, label: String(n) })),
  };

  let body: ReactNode;
  if (!first.data) {
    body = (
      <ErrorState
        title="The members could not be loaded"
        message={first.error.message}
        requestId={ctx.requestId}
        actions={
          <>
            <UrlListButton size="sm">Try again</UrlListButton>
            {query.pageToken || filtered ? (
              <UrlListButton variant="ghost" size="sm" patch={clearFilters}>
                Start over
              </UrlListButton>
            ) : null}
          </>
        }
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState title="No members match these filters" action={<UrlListButton patch={clearFilters}>Clear filters</UrlListButton>}>
        Search looks for the text in names and email addresses.
      </EmptyState>
    ) : query.pageToken ? (
      <EmptyState title="This page is empty" action={<UrlListButton patch={{ pageToken: "" }}>Back to the first page</UrlListButton>}>
        The members that were here have changed since the page was opened.
      </EmptyState>
    ) : (
      <EmptyState title="No members yet" action={can.add.can && !readOnly ? (
            <AddMemberButton reason="" variant="secondary">
              Add a member
            </AddMemberButton>
          ) : undefined}>
        Add people from your organization to give them access to this workspace.
      </EmptyState>
    );
  } else {
    body = (
      <MembersTable
        rows={rows}
        pageSize={query.pageSize}
        orderBy={query.orderBy}
        me={me}
        lastAdmin={lastAdmin}
        can={can}
        readOnly={readOnly}
        roles={roles}
        selection={bulk.roles || bulk.remove}
      />
    );
  }

  return (
    <MembersList org={org} ws={ws} me={me} isOrgAdmin={access.isOrgAdmin} permissions={[...access.permissions]} roles={roles} lastAdmin={lastAdmin} bulk={bulk}>
      <div className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 className="text-xl font-semibold tracking-tight">Members</h2>
            <p className="mt-1 text-sm text-muted">People with access to this workspace: its members, and organization admins through their organization role.</p>
          </div>
          <div className="flex flex-wrap gap-2">
            {can.invite.can && !readOnly ? (
              <Link href={`/o/${org}/workspaces/${ws}/invites?invite=1`} className={buttonClass("secondary")}>
                Invite
                <TabPending />
              </Link>
            ) : null}
            <AddMemberButton reason={readOnly || can.add.reason}>
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M8 3v10M3 8h10" strokeLinecap="round" />
              </svg>
              Add member
            </AddMemberButton>
          </div>
        </div>

        {readOnly ? <ReasonNote tone="warning">{readOnly}</ReasonNote> : null}

        <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
          <MembersToolbar options={options} />
          <BulkBar canRoles={bulk.roles} canRemove={bulk.remove} />
          {body}
          {data && rows.length > 0 ? (
            <UrlPagination
              scope={`members|${ws}|${memberListSearch({ ...query, pageToken: "" })}`}
              nextPageToken={data.next_page_token}
              shown={rows.length}
              pageSize={query.pageSize}
              total={data.total_size}
              noun={["person", "people"]}
            />
          ) : null}
        </div>
      </div>
    </MembersList>
  );
}
