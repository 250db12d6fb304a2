"use client";

// The Members tab: the workspace's users (direct members and organization admins) with filters by
// role, scope and search, a sort and keyset paging, all held in the URL. The server renders the
// first page; after that react-query reads /api/v1 and the URL is updated in place.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/button";
import { ReasonButton } from "@/components/reason-button";
import { EmptyState, ErrorState } from "@/components/states";
import { BUILT_IN_ORGANIZATION_ROLES } from "@/lib/auth/permissions";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import {
  ADMIN_COVERAGE_PARAMS,
  MEMBER_PAGE_SIZES,
  MEMBER_SORTS,
  MEMBER_SORT_LABELS,
  lastAdminOf,
  memberListParams,
  memberListSearch,
  parseMemberListQuery,
  sameMemberListQuery,
  toSearchParams,
  type MemberListQuery,
  type MemberScope,
  type MemberSort,
} from "@/lib/console/member-list-query";
import { pageHistorySnapshot, pageLinkOf, rememberNextPage } from "@/lib/console/page-history";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import type { ListUsersOutput, UserWithRolesOutput } from "@/lib/schemas/members";
import type { ListRolesOutput, RoleOutput } from "@/lib/schemas/roles";
import { AddMemberDialog } from "./add-member-dialog";
import { ChangeRolesDialog } from "./change-roles-dialog";
import { MembersTable } from "./members-table";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { SearchBox } from "@/components/search-box";

export interface MembersViewProps {
  org: string;
  ws: string;
  /** The signed-in user's id. */
  me: string;
  isOrgAdmin: boolean;
  /** The caller's permissions in this workspace. */
  permissions: string[];
  canReadRoles: boolean;
  /** Why the workspace cannot change (disabled, terminated), or "". */
  readOnly: string;
  initialQuery: MemberListQuery;
  initialData: ListUsersOutput | null;
  initialCoverage: UserWithRolesOutput[];
  initialRoles: RoleOutput[];
  renderedAt: number;
}

const noSubscribe = () => () => {};

const usersPath = (org: string, ws: string) => `/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/users`;

function fetchMembers(org: string, ws: string, query: MemberListQuery, signal: AbortSignal): Promise<ListUsersOutput> {
  return apiFetch<ListUsersOutput>(`${usersPath(org, ws)}?${toSearchParams({ ...memberListParams(query) })}`, { signal });
}

export type MemberDialog =
  | { kind: "add" }
  | { kind: "roles"; member: UserWithRolesOutput }
  | { kind: "remove"; member: UserWithRolesOutput }
  | null;

export function MembersView(props: MembersViewProps) {
  const { org, ws, me, isOrgAdmin, permissions, canReadRoles, readOnly, initialQuery, initialData, initialCoverage, initialRoles, renderedAt } = props;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = useMemo(() => parseMemberListQuery(new URLSearchParams(searchParams.toString())), [searchParams]);
  const held = useMemo(() => new Set(permissions), [permissions]);

  // Changes apply to the URL as it is now, not as of the last render: a search that settles after
  // a filter was picked must not put the old filter back.
  const setQuery = (patch: Partial<MemberListQuery>, mode: "push" | "replace") => {
    const current = parseMemberListQuery(new URLSearchParams(window.location.search));
    const url = `${pathname}${memberListSearch({ ...current, ...patch })}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };

  const isInitial = initialData !== null && sameMemberListQuery(query, initialQuery);
  const list = useQuery({
    queryKey: memberKeys.list(ws, query),
    queryFn: ({ signal }) => fetchMembers(org, ws, query, signal),
    initialData: isInitial ? initialData : undefined,
    initialDataUpdatedAt: isInitial ? renderedAt : undefined,
    placeholderData: keepPreviousData,
  });

  // Whether one member is the workspace's last admin, whatever page or filter the table shows.
  const coverage = useQuery({
    queryKey: memberKeys.adminCoverage(ws),
    queryFn: ({ signal }) => apiFetch<ListUsersOutput>(`${usersPath(org, ws)}?${toSearchParams({ ...ADMIN_COVERAGE_PARAMS })}`, { signal }),
    initialData: { users: initialCoverage, next_page_token: "" },
    initialDataUpdatedAt: renderedAt,
  });
  const lastAdmin = lastAdminOf(coverage.data.users);

  const roles = useQuery({
    queryKey: roleKeys.list(ws),
    queryFn: ({ signal }) =>
      apiFetch<ListRolesOutput>(`/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/roles?page_size=1000`, { signal }),
    initialData: { roles: initialRoles, next_page_token: "" },
    initialDataUpdatedAt: renderedAt,
    enabled: canReadRoles,
  });
  const workspaceRoles = roles.data.roles;

  // Search: the box is edited freely and the URL follows after a short pause.

  const scope = `members|${ws}|${query.q}|${query.role}|${query.scope}|${query.orderBy}|${query.pageSize}`;
  const history = useSyncExternalStore(noSubscribe, pageHistorySnapshot, () => null);
  const link = pageLinkOf(history, scope, query.pageToken);
  const page = link?.page || undefined;

  const data = list.data;
  const nextToken = data?.next_page_token ?? "";
  const goNext = () => {
    if (!nextToken) return;
    rememberNextPage(scope, query.pageToken, page, nextToken);
    setQuery({ pageToken: nextToken }, "push");
  };
  const goPrevious = () => setQuery({ pageToken: link?.prev ?? "" }, "push");
  const goFirst = () => setQuery({ pageToken: "" }, "push");
  const filtered = Boolean(query.q || query.role || query.scope);
  const clearFilters = () => {
    setQuery({ q: "", role: "", scope: "", pageToken: "" }, "push");
  };

  const [dialog, setDialog] = useState<MemberDialog>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const open = (next: MemberDialog) => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(next);
  };
  const restoreFocus = () => {
    const opener = openerRef.current;
    if (opener?.isConnected) opener.focus();
    else document.getElementById("main")?.focus();
  };

  const canAdd = held.has("create:Member");
  const addReason = readOnly || (canAdd ? "" : "Requires create:Member");

  const error = list.error;
  const busy = list.isFetching && list.isPlaceholderData;
  const rows = data?.users ?? [];
  const from = page && rows.length ? (page - 1) * query.pageSize + 1 : undefined;

  let body: ReactNode;
  if (error && !data) {
    const e = error instanceof ApiRequestError ? error : undefined;
    body = (
      <ErrorState
        title="The members could not be loaded"
        message={e?.message ?? "The request failed."}
        requestId={e?.requestId}
        onRetry={() => void list.refetch()}
        actions={
          query.pageToken || filtered ? (
            <Button variant="ghost" size="sm" onClick={clearFilters}>
              Start over
            </Button>
          ) : null
        }
      />
    );
  } else if (data && rows.length === 0) {
    body = filtered ? (
      <EmptyState
        title="No members match these filters"
        action={
          <Button variant="secondary" onClick={clearFilters}>
            Clear filters
          </Button>
        }
      >
        Search looks for the text in names and email addresses.
      </EmptyState>
    ) : query.pageToken ? (
      <EmptyState title="This page is empty" action={<Button variant="secondary" onClick={goFirst}>Back to the first page</Button>}>
        The members that were here have changed since the page was opened.
      </EmptyState>
    ) : (
      <EmptyState
        title="No members yet"
        action={
          canAdd && !readOnly ? (
            <Button variant="secondary" onClick={() => open({ kind: "add" })}>
              Add a member
            </Button>
          ) : undefined
        }
      >
        Add people from your organization to give them access to this workspace.
      </EmptyState>
    );
  } else {
    body = (
      <MembersTable
        rows={rows}
        loading={!data}
        busy={busy}
        pageSize={query.pageSize}
        me={me}
        lastAdmin={lastAdmin}
        held={held}
        readOnly={readOnly}
        roles={workspaceRoles}
        onChangeRoles={(member) => open({ kind: "roles", member })}
        onRemove={(member) => open({ kind: "remove", member })}
      />
    );
  }

  const selectClass = "h-9 rounded-md border border-border-strong bg-surface px-2 text-sm";

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold tracking-tight">Members</h2>
          <p className="mt-1 text-sm text-muted">People with access to this workspace: its members, and organization admins through their organization role.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {held.has("create:Invitation") && !readOnly ? (
            <Link href={`/o/${org}/workspaces/${ws}/invites?invite=1`} className={buttonClass("secondary")}>
              Invite
            </Link>
          ) : null}
          <ReasonButton disabledReason={addReason} onClick={() => open({ kind: "add" })}>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M8 3v10M3 8h10" strokeLinecap="round" />
            </svg>
            Add member
          </ReasonButton>
        </div>
      </div>

      {readOnly ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
          {readOnly}
        </p>
      ) : null}

      <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
        <div className="flex flex-col gap-3 border-b border-border p-3 lg:flex-row lg:items-center lg:justify-between">
          <SearchBox
            id="member-search"
            label="Search members by name or email"
            placeholder="Search by name or email"
            value={query.q}
            onSearch={(q) => setQuery({ q, pageToken: "" }, "replace")}
            className="lg:max-w-xs"
          />
          <div className="grid grid-cols-2 gap-2 text-sm sm:flex sm:flex-wrap sm:items-center">
            <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
              <label htmlFor="member-role-filter" className="text-muted">
                Role
              </label>
              <select
                id="member-role-filter"
                value={query.role}
                onChange={(e) => setQuery({ role: e.target.value, pageToken: "" }, "push")}
                className={selectClass}
              >
                <option value="">All roles</option>
                <optgroup label="Workspace roles">
                  {workspaceRoles.map((r) => (
                    <option key={r.role_id} value={r.role_id}>
                      {r.title}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Organization roles">
                  {BUILT_IN_ORGANIZATION_ROLES.filter((r) => r.id === "org-admin").map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title}
                    </option>
                  ))}
                </optgroup>
                {query.role && !workspaceRoles.some((r) => r.role_id === query.role) && query.role !== "org-admin" ? (
                  <option value={query.role}>{query.role}</option>
                ) : null}
              </select>
            </div>
            <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
              <label htmlFor="member-scope-filter" className="text-muted">
                Access
              </label>
              <select
                id="member-scope-filter"
                value={query.scope}
                onChange={(e) => setQuery({ scope: e.target.value as MemberScope, pageToken: "" }, "push")}
                className={selectClass}
              >
                <option value="">Any</option>
                <option value="workspace">Workspace members</option>
                <option value="organization">Via organization</option>
              </select>
            </div>
            <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
              <label htmlFor="member-sort" className="text-muted">
                Sort
              </label>
              <select
                id="member-sort"
                value={query.orderBy}
                onChange={(e) => setQuery({ orderBy: e.target.value as MemberSort, pageToken: "" }, "push")}
                className={selectClass}
              >
                {MEMBER_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {MEMBER_SORT_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-2">
              <label htmlFor="member-page-size" className="text-muted">
                Rows
              </label>
              <select
                id="member-page-size"
                value={query.pageSize}
                onChange={(e) => setQuery({ pageSize: Number(e.target.value), pageToken: "" }, "push")}
                className={selectClass}
              >
                {MEMBER_PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>

        {body}

        {data && rows.length > 0 ? (
          <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm">
            <p className="text-muted" aria-live="polite">
              {from ? (
                <>
                  Showing <span className="font-medium text-fg">{from}</span>–<span className="font-medium text-fg">{from + rows.length - 1}</span>
                </>
              ) : (
                <>
                  Showing <span className="font-medium text-fg">{rows.length}</span> {rows.length === 1 ? "person" : "people"}
                </>
              )}
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" onClick={goPrevious} disabled={!query.pageToken || busy} aria-label="Previous page">
                Previous
              </Button>
              <Button variant="secondary" size="sm" onClick={goNext} disabled={!nextToken || busy} aria-label="Next page">
                Next
              </Button>
            </div>
          </nav>
        ) : null}
      </div>

      <AddMemberDialog
        org={org}
        ws={ws}
        open={dialog?.kind === "add"}
        onOpenChange={(o) => !o && setDialog(null)}
        onCloseAutoFocus={restoreFocus}
        roles={workspaceRoles}
        held={held}
      />
      <ChangeRolesDialog
        org={org}
        ws={ws}
        member={dialog?.kind === "roles" ? dialog.member : null}
        onOpenChange={(o) => !o && setDialog(null)}
        onCloseAutoFocus={restoreFocus}
        roles={workspaceRoles}
        held={held}
        isLastAdmin={dialog?.kind === "roles" && lastAdmin !== null && dialog.member.user.name.endsWith(`/${lastAdmin}`)}
      />
      <RemoveMemberDialog
        org={org}
        ws={ws}
        me={me}
        isOrgAdmin={isOrgAdmin}
        member={dialog?.kind === "remove" ? dialog.member : null}
        onOpenChange={(o) => !o && setDialog(null)}
        onCloseAutoFocus={restoreFocus}
      />
    </div>
  );
}
