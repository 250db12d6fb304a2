"use client";

// The organization's members: search and paging in the URL, first page from the server, then
// react-query against ListOrganizationUsers. The owner's row says why it cannot be removed or
// demoted before anyone tries.

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { GatedButton } from "@/components/gated-button";
import { LocalTime } from "@/components/local-time";
import { EmptyState, ErrorState, Skeleton } from "@/components/states";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import {
  ORG_MEMBER_PAGE_SIZE,
  memberListParams,
  memberListSearch,
  parseMemberListQuery,
  sameMemberListQuery,
  type OrgMemberListQuery,
} from "@/lib/console/org-member-list-query";
import { organizationKeys } from "@/lib/console/query-keys";
import type { ListOrganizationUsersOutput } from "@/lib/schemas/organizations";
import { ExplainedButton, requires } from "./explained-button";
import { AddMemberDialog, RemoveMemberDialog, RolesDialog, type MemberRef, type OrgRole } from "./member-dialogs";
import { SearchBox } from "@/components/search-box";

export interface MembersSectionProps {
  org: string;
  orgTitle: string;
  ownerEmail: string;
  roles: OrgRole[];
  canManage: boolean;
  callerEmail: string;
  initialQuery: OrgMemberListQuery;
  initialData: ListOrganizationUsersOutput | null;
  renderedAt: number;
}

const OWNER_KEEPS_ADMIN = "The owner always keeps Organization Admin. Transfer ownership to change their roles.";
const OWNER_STAYS = "The owner cannot be removed. Transfer ownership to another member first.";

function fetchMembers(org: string, query: OrgMemberListQuery, signal: AbortSignal) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(memberListParams(query))) if (v) p.set(k, v);
  return apiFetch<ListOrganizationUsersOutput>(`/organizations/${encodeURIComponent(org)}/users?${p}`, { signal });
}

export function MembersSection(props: MembersSectionProps) {
  const { org, orgTitle, ownerEmail, roles, canManage, callerEmail, initialQuery, initialData, renderedAt } = props;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = useMemo(() => parseMemberListQuery(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<MemberRef | null>(null);
  const [removing, setRemoving] = useState<MemberRef | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const setQuery = (next: OrgMemberListQuery, mode: "push" | "replace") => {
    const url = `${pathname}${memberListSearch(next)}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };

  const isInitial = initialData !== null && sameMemberListQuery(query, initialQuery);
  const list = useQuery({
    queryKey: organizationKeys.memberList(org, query),
    queryFn: ({ signal }) => fetchMembers(org, query, signal),
    initialData: isInitial ? initialData : undefined,
    initialDataUpdatedAt: isInitial ? renderedAt : undefined,
    placeholderData: keepPreviousData,
  });


  const roleTitle = (id: string) => roles.find((r) => r.id === id)?.title ?? id;
  const data = list.data;
  const rows = data?.users ?? [];
  const busy = list.isFetching && list.isPlaceholderData;
  const nextToken = data?.next_page_token ?? "";

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
            <Button variant="ghost" size="sm" onClick={() => setQuery({ q: "", pageToken: "" }, "push")}>
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
              setQuery({ q: "", pageToken: "" }, "replace");
            }}
          >
            Clear search
          </Button>
        }
      >
        Search looks at names and email addresses.
      </EmptyState>
    ) : (
      <EmptyState title="No members on this page" action={<Button variant="secondary" onClick={() => setQuery({ q: "", pageToken: "" }, "push")}>Back to the first page</Button>} />
    );
  } else {
    body = (
      // `relative`: the sr-only header text is absolutely positioned, and must be clipped by this
      // scroller rather than widen the page at 375 px.
      <div className="relative overflow-x-auto">
        <table aria-label="Organization members" aria-busy={busy || !data} className="w-full min-w-[44rem] text-left text-sm">
          <thead className="border-b border-border bg-surface-2/60 text-xs text-muted">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Email</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Organization roles</th>
              <th scope="col" className="px-4 py-2.5 font-medium">Added</th>
              <th scope="col" className="px-4 py-2.5 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className={`divide-y divide-border transition-opacity ${busy ? "opacity-60" : ""}`}>
            {!data
              ? Array.from({ length: 5 }, (_, i) => (
                  <tr key={i}>
                    <td className="px-4 py-3"><Skeleton className="h-3.5 w-32" /></td>
                    <td className="px-4 py-3"><Skeleton className="h-3.5 w-44" /></td>
                    <td className="px-4 py-3"><Skeleton className="h-5 w-28 rounded-full" /></td>
                    <td className="px-4 py-3"><Skeleton className="h-3.5 w-20" /></td>
                    <td className="px-4 py-3" />
                  </tr>
                ))
              : rows.map((u) => {
                  const member: MemberRef = {
                    userId: u.user.name.split("/").pop() ?? "",
                    name: u.user.display_name || u.user.email,
                    email: u.user.email,
                    roleIds: u.roles.map((r) => r.name),
                  };
                  const isOwner = u.user.email === ownerEmail;
                  const isYou = u.user.email === callerEmail;
                  const manage = requires(canManage, "manage:OrganizationMember");
                  return (
                    <tr key={member.userId} className="hover:bg-surface-2/60">
                      <td className="px-4 py-3">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-medium">{u.user.display_name || "—"}</span>
                          {isOwner ? (
                            <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-700/25 ring-inset dark:bg-amber-400/10 dark:text-amber-200">
                              Owner
                            </span>
                          ) : null}
                          {isYou ? <span className="text-xs text-muted">(you)</span> : null}
                        </div>
                      </td>
                      <td className="px-4 py-3 break-all text-muted">{u.user.email}</td>
                      <td className="px-4 py-3">
                        <ul className="flex flex-wrap gap-1" aria-label={`Roles of ${member.name}`}>
                          {u.roles.map((r) => (
                            <li key={r.name} className="rounded-full bg-surface-2 px-2 py-0.5 text-xs font-medium ring-1 ring-border ring-inset">
                              {roleTitle(r.name)}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap text-muted">
                        <LocalTime iso={u.create_time} />
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex justify-end gap-2">
                          <ExplainedButton
                            variant="secondary"
                            size="sm"
                            aria-label={`Change roles of ${member.name}`}
                            reason={manage ?? (isOwner ? OWNER_KEEPS_ADMIN : undefined)}
                            onClick={() => setEditing(member)}
                          >
                            Roles
                          </ExplainedButton>
                          <ExplainedButton
                            variant="ghost"
                            size="sm"
                            aria-label={`Remove ${member.name}`}
                            reason={manage ?? (isOwner ? OWNER_STAYS : undefined)}
                            onClick={() => setRemoving(member)}
                            className="text-danger"
                          >
                            Remove
                          </ExplainedButton>
                        </div>
                      </td>
                    </tr>
                  );
                })}
          </tbody>
        </table>
      </div>
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
        <GatedButton allowed={canManage} permission="manage:OrganizationMember" onClick={() => setAdding(true)}>
          Add member
        </GatedButton>
      </div>
      <div className="border-b border-border p-3">
        <SearchBox
          id="member-search"
          label="Search members by name or email"
          placeholder="Search by name or email"
          value={query.q}
          onSearch={(q) => setQuery({ q, pageToken: "" }, "replace")}
          className="sm:max-w-xs"
        />
      </div>
      {body}
      {data && (query.pageToken || nextToken) ? (
        <nav aria-label="Members pagination" className="flex items-center justify-end gap-2 border-t border-border px-4 py-3">
          <Button variant="secondary" size="sm" disabled={!query.pageToken || busy} onClick={() => setQuery({ ...query, pageToken: "" }, "push")}>
            First page
          </Button>
          <Button variant="secondary" size="sm" disabled={!nextToken || busy} onClick={() => setQuery({ ...query, pageToken: nextToken }, "push")}>
            Next {ORG_MEMBER_PAGE_SIZE}
          </Button>
        </nav>
      ) : null}
      <AddMemberDialog org={org} roles={roles} open={adding} onOpenChange={setAdding} />
      <RolesDialog org={org} roles={roles} member={editing} onClose={() => setEditing(null)} />
      <RemoveMemberDialog org={org} orgTitle={orgTitle} member={removing} onClose={() => setRemoving(null)} />
    </section>
  );
}
