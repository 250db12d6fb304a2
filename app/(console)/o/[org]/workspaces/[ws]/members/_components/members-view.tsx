"use client";

// The Members tab: the workspace's users (direct members and organization admins) with filters by
// role, scope and search, a sort and keyset paging, all held in the URL. The server renders the
// first page; after that react-query reads /api/v1 and the URL is updated in place.

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState, type ReactNode } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/button";
import { Pagination } from "@/components/pagination";
import { ReasonButton, ReasonNote } from "@/components/reason-button";
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
  type MemberListQuery,
  type MemberScope,
} from "@/lib/console/member-list-query";
import { toSearchParams } from "@/lib/console/list-query";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import { useUrlList } from "@/lib/console/use-url-list";
import type { Gate } from "@/lib/operations/gates";
import type { ListUsersOutput, WorkspaceUserOutput } from "@/lib/schemas/members";
import type { ListRolesOutput, RoleOutput } from "@/lib/schemas/roles";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { BulkKind } from "./bulk-member-dialog";
import { MembersTable } from "./members-table";
import { SearchBox } from "@/components/search-box";
import { Select } from "@/components/toolbar-select";

// The dialogs load when one is first opened, not with the list.
const AddMemberDialog = dynamic(() => import("./add-member-dialog").then((m) => m.AddMemberDialog), { ssr: false });
const BulkMemberDialog = dynamic(() => import("./bulk-member-dialog").then((m) => m.BulkMemberDialog), { ssr: false });
const ChangeRolesDialog = dynamic(() => import("./change-roles-dialog").then((m) => m.ChangeRolesDialog), { ssr: false });
const RemoveMemberDialog = dynamic(() => import("./remove-member-dialog").then((m) => m.RemoveMemberDialog), { ssr: false });

export interface MembersViewProps {
  org: string;
  ws: string;
  /** The signed-in user's id. */
  me: string;
  isOrgAdmin: boolean;
  /** The caller's permissions in this workspace, for the roles they may grant. */
  permissions: string[];
  can: MemberGates;
  /** Why the workspace cannot change (disabled, terminated), or "". */
  readOnly: string;
  initialQuery: MemberListQuery;
  initialData: ListUsersOutput | null;
  initialCoverage: WorkspaceUserOutput[];
  initialRoles: RoleOutput[];
  renderedAt: number;
}

const usersPath = (org: string, ws: string) => `/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/users`;

function fetchMembers(org: string, ws: string, query: MemberListQuery, signal: AbortSignal): Promise<ListUsersOutput> {
  return apiFetch<ListUsersOutput>(`${usersPath(org, ws)}?${toSearchParams({ ...memberListParams(query) })}`, { signal });
}

export interface MemberGates {
  add: Gate;
  changeRoles: Gate;
  remove: Gate;
  invite: Gate;
  readRoles: Gate;
}

export type MemberDialog =
  | { kind: "add" }
  | { kind: "roles"; member: WorkspaceUserOutput }
  | { kind: "remove"; member: WorkspaceUserOutput }
  | null;

export function MembersView(props: MembersViewProps) {
  const { org, ws, me, isOrgAdmin, permissions, can, readOnly, initialQuery, initialData, initialCoverage, initialRoles, renderedAt } = props;
  const held = useMemo(() => new Set(permissions), [permissions]);
  const { query, refine, list, busy, pager } = useUrlList({
    parse: parseMemberListQuery,
    search: memberListSearch,
    scope: `members|${ws}`,
    queryKey: (q: MemberListQuery) => memberKeys.list(ws, q),
    fetch: (q: MemberListQuery, signal: AbortSignal) => fetchMembers(org, ws, q, signal),
    nextPageToken: (d: ListUsersOutput) => d.next_page_token,
    initial: { query: initialQuery, data: initialData, renderedAt },
  });

  // Whether one member is the workspace's last admin, whatever page or filter the table shows.
  const coverage = useQuery({
    queryKey: memberKeys.adminCoverage(ws),
    queryFn: ({ signal }) => apiFetch<ListUsersOutput>(`${usersPath(org, ws)}?${toSearchParams({ ...ADMIN_COVERAGE_PARAMS })}`, { signal }),
    initialData: { users: initialCoverage, next_page_token: "", total_size: initialCoverage.length },
    initialDataUpdatedAt: renderedAt,
  });
  const lastAdmin = lastAdminOf(coverage.data.users);

  const roles = useQuery({
    queryKey: roleKeys.list(ws),
    queryFn: ({ signal }) =>
      apiFetch<ListRolesOutput>(`/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/roles?page_size=1000`, { signal }),
    initialData: { roles: initialRoles, next_page_token: "" },
    initialDataUpdatedAt: renderedAt,
    enabled: can.readRoles.can,
  });
  const workspaceRoles = roles.data.roles;

  const data = list.data;
  const filtered = Boolean(query.q || query.role || query.scope);
  const clearFilters = () => refine({ q: "", role: "", scope: "" });

  const [dialog, setDialog] = useState<MemberDialog>(null);
  const addOpened = useOpenedOnce(dialog?.kind === "add");
  const rolesOpened = useOpenedOnce(dialog?.kind === "roles");
  const removeOpened = useOpenedOnce(dialog?.kind === "remove");
  const open = (next: MemberDialog) => setDialog(next);

  // Bulk actions: the selection survives paging and filtering (it is keyed by user name), so a
  // user can gather members from several pages; each action sends one request per member.
  const [selected, setSelected] = useState<ReadonlyMap<string, WorkspaceUserOutput>>(new Map());
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const canBulkRoles = can.changeRoles.can;
  const canBulkRemove = can.remove.can;
  const selection =
    (canBulkRoles || canBulkRemove) && !readOnly
      ? {
          selected: new Set(selected.keys()),
          onToggle: (m: WorkspaceUserOutput, on: boolean) =>
            setSelected((prev) => {
              const next = new Map(prev);
              if (on) next.set(m.user.name, m);
              else next.delete(m.user.name);
              return next;
            }),
          onToggleAll: (ms: WorkspaceUserOutput[], on: boolean) =>
            setSelected((prev) => {
              const next = new Map(prev);
              for (const m of ms) {
                if (on) next.set(m.user.name, m);
                else next.delete(m.user.name);
              }
              return next;
            }),
        }
      : undefined;

  const canAdd = can.add.can;
  const addReason = readOnly || can.add.reason;

  const error = list.error;
  const rows = data?.users ?? [];

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
      <EmptyState title="This page is empty" action={<Button variant="secondary" onClick={pager.first}>Back to the first page</Button>}>
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
        orderBy={query.orderBy}
        onSort={(orderBy) => refine({ orderBy: parseMemberListQuery({ order_by: orderBy }).orderBy })}
        me={me}
        lastAdmin={lastAdmin}
        can={can}
        readOnly={readOnly}
        roles={workspaceRoles}
        onChangeRoles={(member) => open({ kind: "roles", member })}
        onRemove={(member) => open({ kind: "remove", member })}
        selection={selection}
      />
    );
  }

  return (
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
            </Link>
          ) : null}
          <ReasonButton reason={addReason} onClick={() => open({ kind: "add" })}>
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M8 3v10M3 8h10" strokeLinecap="round" />
            </svg>
            Add member
          </ReasonButton>
        </div>
      </div>

      {readOnly ? <ReasonNote tone="warning">{readOnly}</ReasonNote> : null}

      <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
        <div className="flex flex-col gap-3 border-b border-border p-3 lg:flex-row lg:items-center lg:justify-between">
          <SearchBox
            id="member-search"
            label="Search members by name or email"
            placeholder="Search by name or email"
            value={query.q}
            onSearch={(q) => refine({ q }, "replace")}
            className="lg:max-w-xs"
          />
          <div className="grid grid-cols-1 gap-2 text-sm min-[420px]:grid-cols-2 sm:flex sm:flex-wrap sm:items-center">
            <Select
              id="member-role-filter"
              label="Role"
              value={query.role}
              onChange={(role) => refine({ role })}
              options={[
                { value: "", label: "All roles" },
                ...workspaceRoles.map((r) => ({ value: r.role_id, label: r.title, group: "Workspace roles" })),
                ...BUILT_IN_ORGANIZATION_ROLES.filter((r) => r.id === "org-admin").map((r) => ({ value: r.id, label: r.title, group: "Organization roles" })),
                ...(query.role && !workspaceRoles.some((r) => r.role_id === query.role) && query.role !== "org-admin" ? [{ value: query.role, label: query.role }] : []),
              ]}
            />
            <Select
              id="member-scope-filter"
              label="Access"
              value={query.scope}
              onChange={(scope) => refine({ scope })}
              options={[
                { value: "" as MemberScope, label: "Any" },
                { value: "workspace" as MemberScope, label: "Workspace members" },
                { value: "organization" as MemberScope, label: "Via organization" },
              ]}
            />
            <Select
              id="member-sort"
              label="Sort"
              value={query.orderBy}
              onChange={(orderBy) => refine({ orderBy })}
              options={MEMBER_SORTS.map((s) => ({ value: s, label: MEMBER_SORT_LABELS[s] }))}
            />
            <Select
              id="member-page-size"
              label="Rows"
              value={query.pageSize}
              onChange={(pageSize) => refine({ pageSize })}
              options={MEMBER_PAGE_SIZES.map((n) => ({ value: n, label: String(n) }))}
            />
          </div>
        </div>

        {selection && selected.size > 0 ? (
          <div role="region" aria-label="Selected members" className="flex flex-wrap items-center gap-2 border-b border-border bg-surface-2 px-4 py-2 text-sm">
            <span className="font-medium" aria-live="polite">
              {selected.size} selected
            </span>
            <span className="flex-1" />
            {canBulkRoles ? (
              <Button size="sm" variant="secondary" onClick={() => setBulk("roles")}>
                Change roles…
              </Button>
            ) : null}
            {canBulkRemove ? (
              <Button size="sm" variant="secondary" className="text-danger" onClick={() => setBulk("remove")}>
                Remove…
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Map())}>
              Clear selection
            </Button>
          </div>
        ) : null}

        {body}

        {data && rows.length > 0 ? <Pagination pager={pager} shown={rows.length} pageSize={query.pageSize} total={data.total_size} noun={["person", "people"]} /> : null}
      </div>

      {addOpened ? (
        <AddMemberDialog
          org={org}
          ws={ws}
          open={dialog?.kind === "add"}
          onOpenChange={(o) => !o && setDialog(null)}
          roles={workspaceRoles}
          held={held}
        />
      ) : null}
      {rolesOpened ? (
        <ChangeRolesDialog
          org={org}
          ws={ws}
          member={dialog?.kind === "roles" ? dialog.member : null}
          onOpenChange={(o) => !o && setDialog(null)}
          roles={workspaceRoles}
          held={held}
          isLastAdmin={dialog?.kind === "roles" && lastAdmin !== null && dialog.member.user.name.endsWith(`/${lastAdmin}`)}
        />
      ) : null}
      {bulk ? (
        <BulkMemberDialog
          org={org}
          ws={ws}
          kind={bulk}
          members={[...selected.values()]}
          roles={workspaceRoles}
          held={held}
          onOpenChange={(o) => !o && setBulk(null)}
          // Removed members leave the selection; members whose roles changed stay selected, so
          // the next action (e.g. Remove) can follow on the same people.
          onDone={(succeeded) =>
            bulk === "remove" &&
            setSelected((prev) => {
              const next = new Map(prev);
              for (const name of succeeded) next.delete(name);
              return next;
            })
          }
        />
      ) : null}
      {removeOpened ? (
        <RemoveMemberDialog
          org={org}
          ws={ws}
          me={me}
          isOrgAdmin={isOrgAdmin}
          member={dialog?.kind === "remove" ? dialog.member : null}
          onOpenChange={(o) => !o && setDialog(null)}
        />
      ) : null}
    </div>
  );
}
