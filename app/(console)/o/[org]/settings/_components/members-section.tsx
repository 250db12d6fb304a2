"use client";

// The organization's members: search and paging in the URL, first page from the server, then
// react-query against ListOrganizationUsers. The owner's row says why it cannot be removed or
// demoted before anyone tries.

import type { ColumnDef } from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { LocalTime } from "@/components/local-time";
import { Pagination } from "@/components/pagination";
import { ReasonButton } from "@/components/reason-button";
import { DataTable } from "@/components/data-table";
import { Select } from "@/components/toolbar-select";
import { EmptyState, ErrorState, Skeleton } from "@/components/states";
import { Truncate } from "@/components/truncate";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { toSearchParams } from "@/lib/console/list-query";
import {
  MEMBER_SORTS,
  MEMBER_SORT_LABELS,
  ORG_MEMBER_PAGE_SIZE,
  orgMemberListParams,
  orgMemberListSearch,
  parseOrgMemberListQuery,
  type MemberSort,
  type OrgMemberListQuery,
} from "@/lib/console/member-list-query";
import type { Gate } from "@/lib/operations/gates";
import { organizationKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import { useUrlList } from "@/lib/console/use-url-list";
import type { ListOrganizationUsersOutput, OrganizationUserOutput } from "@/lib/schemas/organizations";
import type { MemberRef, OrgRole } from "./member-dialogs";
import { SearchBox } from "@/components/search-box";

// The dialogs (react-hook-form with the member schemas and zod, Radix dialog) load on their first opening.
const AddMemberDialog = dynamic(() => import("./member-dialogs").then((m) => m.AddMemberDialog), { ssr: false });
const RolesDialog = dynamic(() => import("./member-dialogs").then((m) => m.RolesDialog), { ssr: false });
const RemoveOrgMemberDialog = dynamic(() => import("./remove-org-member-dialog").then((m) => m.RemoveOrgMemberDialog), { ssr: false });

export interface MembersSectionProps {
  org: string;
  orgTitle: string;
  ownerEmail: string;
  roles: OrgRole[];
  can: { add: Gate; changeRoles: Gate; remove: Gate };
  callerEmail: string;
  initialQuery: OrgMemberListQuery;
  initialData: ListOrganizationUsersOutput | null;
  renderedAt: number;
}

type Column = ColumnDef<OrganizationUserOutput, unknown>;

const OWNER_KEEPS_ADMIN = "The owner always keeps Organization Admin. Transfer ownership to change their roles.";
const OWNER_STAYS = "The owner cannot be removed. Transfer ownership to another member first.";

function fetchMembers(org: string, query: OrgMemberListQuery, signal: AbortSignal) {
  return apiFetch<ListOrganizationUsersOutput>(`/organizations/${encodeURIComponent(org)}/users?${toSearchParams({ ...orgMemberListParams(query) })}`, { signal });
}

export function MembersSection(props: MembersSectionProps) {
  const { org, orgTitle, ownerEmail, roles, can, callerEmail, initialQuery, initialData, renderedAt } = props;
  const { query, refine, list, busy, pager } = useUrlList({
    parse: parseOrgMemberListQuery,
    search: orgMemberListSearch,
    scope: `org-members|${org}`,
    queryKey: (q: OrgMemberListQuery) => organizationKeys.memberList(org, q),
    fetch: (q: OrgMemberListQuery, signal: AbortSignal) => fetchMembers(org, q, signal),
    nextPageToken: (d: ListOrganizationUsersOutput) => d.next_page_token,
    initial: { query: initialQuery, data: initialData, renderedAt },
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MemberRef | null>(null);
  const [removing, setRemoving] = useState<MemberRef | null>(null);
  const addOpened = useOpenedOnce(adding);
  const rolesOpened = useOpenedOnce(editing !== null);
  const removeOpened = useOpenedOnce(removing !== null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const roleTitle = (id: string) => roles.find((r) => r.id === id)?.title ?? id;
  const data = list.data;
  const rows = data?.users ?? [];
  const onSort = (orderBy: MemberSort) => refine({ orderBy });

  const refOf = (u: OrganizationUserOutput): MemberRef => ({
    userId: u.user.name.split("/").pop() ?? "",
    name: u.user.display_name || u.user.email,
    email: u.user.email,
    roleIds: u.roles.map((r) => r.name),
  });
  const columns: Column[] = [
    {
      id: "display_name",
      header: "Name",
      enableSorting: true,
      meta: { skeleton: <Skeleton className="h-3.5 w-32" /> },
      cell: ({ row: { original: u } }) => (
        <div className="flex max-w-[16rem] min-w-0 items-center gap-2">
          <Truncate text={u.user.display_name || "—"} className="min-w-0 font-medium" />
          {u.user.email === ownerEmail ? (
            <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-700/25 ring-inset dark:bg-amber-400/10 dark:text-amber-200">
              Owner
            </span>
          ) : null}
          {u.user.email === callerEmail ? <span className="text-xs text-muted">(you)</span> : null}
        </div>
      ),
    },
    {
      id: "email",
      header: "Email",
      enableSorting: true,
      meta: { className: "max-w-[16rem] text-muted", skeleton: <Skeleton className="h-3.5 w-44" /> },
      cell: ({ row: { original: u } }) => <Truncate text={u.user.email} />,
    },
    {
      id: "roles",
      header: "Organization roles",
      meta: { skeleton: <Skeleton className="h-5 w-28 rounded-full" /> },
      cell: ({ row: { original: u } }) => (
        <ul className="flex flex-wrap gap-1" aria-label={`Roles of ${refOf(u).name}`}>
          {u.roles.map((r) => (
            <li key={r.name} className="rounded-full bg-surface-2 px-2 py-0.5 text-xs font-medium ring-1 ring-border ring-inset">
              {roleTitle(r.name)}
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "created_time",
      header: "Added",
      enableSorting: true,
      meta: { newestFirst: true, className: "whitespace-nowrap text-muted", skeleton: <Skeleton className="h-3.5 w-20" /> },
      cell: ({ row: { original: u } }) => <LocalTime iso={u.create_time} format="relative" />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      meta: { skeleton: null },
      cell: ({ row: { original: u } }) => {
        const member = refOf(u);
        const isOwner = u.user.email === ownerEmail;
        return (
          <div className="flex justify-end gap-2">
            <ReasonButton
              variant="secondary"
              size="sm"
              aria-label={`Change roles of ${member.name}`}
              reason={can.changeRoles.reason || (isOwner ? OWNER_KEEPS_ADMIN : undefined)}
              onClick={() => setEditing(member)}
            >
              Roles
            </ReasonButton>
            <ReasonButton
              variant="ghost"
              size="sm"
              aria-label={`Remove ${member.name}`}
              reason={can.remove.reason || (isOwner ? OWNER_STAYS : undefined)}
              onClick={() => setRemoving(member)}
              className="text-danger"
            >
              Remove
            </ReasonButton>
          </div>
        );
      },
    },
  ];

  let body: ReactNode;
  if (list.error && !data) {
    const e = list.error instanceof ApiRequestError ? list.error : undefined;
    body = (
      <ErrorState
        title="The members could not be loaded"
        message={e?.message ?? "The request failed."}
        requestId={e?.requestId}
        onRetry={() => void list.refetch()}
        actions={
          query.q || query.pageToken ? (
            <Button variant="ghost" size="sm" onClick={() => refine({ q: "" })}>
              Start over
            </Button>
          ) : null
        }
      />
    );
  } else if (data && rows.length === 0) {
    body = query.q ? (
      <EmptyState
        title={`No members match “${query.q}”`}
        action={
          <Button
            variant="secondary"
            onClick={() => {
              refine({ q: "" }, "replace");
            }}
          >
            Clear search
          </Button>
        }
      >
        Search looks at names and email addresses.
      </EmptyState>
    ) : (
      <EmptyState title="No members on this page" action={<Button variant="secondary" onClick={() => refine({ q: "" })}>Back to the first page</Button>} />
    );
  } else {
    body = (
      <DataTable
        label="Organization members"
        columns={columns}
        rows={rows}
        rowId={(u) => u.user.name}
        loading={!data}
        busy={busy}
        pageSize={5}
        orderBy={query.orderBy}
        onSort={(orderBy) => onSort(parseOrgMemberListQuery({ order_by: orderBy }).orderBy)}
        minWidth="min-w-[44rem]"
        pinRight={["actions"]}
      />
    );
  }

  return (
    <section aria-labelledby="members-heading" className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-border p-4 sm:p-5">
        <div>
          <h2 id="members-heading" ref={headingRef} className="text-base font-semibold">
            Members
          </h2>
          <p className="mt-1 text-sm text-muted">Everyone in the organization and their organization roles. Removing someone here also removes them from every workspace.</p>
        </div>
        <ReasonButton reason={can.add.reason} onClick={() => setAdding(true)}>
          Add member
        </ReasonButton>
      </div>
      <div className="flex flex-col gap-3 border-b border-border p-3 sm:flex-row sm:items-center sm:justify-between">
        <SearchBox
          id="member-search"
          label="Search members by name or email"
          placeholder="Search by name or email"
          value={query.q}
          onSearch={(q) => refine({ q }, "replace")}
          className="sm:max-w-xs"
        />
        <Select
          id="org-member-sort"
          label="Sort"
          value={query.orderBy}
          onChange={onSort}
          options={MEMBER_SORTS.map((o) => ({ value: o, label: MEMBER_SORT_LABELS[o] }))}
          className="text-sm"
        />
      </div>
      {body}
      {data && rows.length > 0 ? (
        <Pagination pager={pager} shown={rows.length} pageSize={ORG_MEMBER_PAGE_SIZE} total={data.total_size} noun={["member", "members"]} label="Members pagination" />
      ) : null}
      {addOpened ? <AddMemberDialog org={org} roles={roles} open={adding} onOpenChange={setAdding} /> : null}
      {rolesOpened ? <RolesDialog org={org} roles={roles} member={editing} onClose={() => setEditing(null)} /> : null}
      {removeOpened ? <RemoveOrgMemberDialog org={org} orgTitle={orgTitle} member={removing} onClose={() => setRemoving(null)} /> : null}
    </section>
  );
}
