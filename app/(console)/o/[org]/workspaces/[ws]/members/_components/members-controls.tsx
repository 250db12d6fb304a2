"use client";

// The Members tab's controls in the browser; the rows are rendered on the server (page.tsx). The
// selection, the open dialog and the "Exact times" switch are shared by the toolbar, the bulk bar
// and the row cells through one context. The dialogs, their forms and React Query (which they run
// their actions through) load on the first opening, not with the list.

import { createContext, lazy, Suspense, use, useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { LocalTime } from "@/components/local-time";
import { ReasonButton } from "@/components/reason-button";
import { SearchBox } from "@/components/search-box";
import { Select } from "@/components/toolbar-select";
import { UrlListProvider, useServerList } from "@/components/url-list";
import { memberListSearch, parseMemberListQuery, type MemberListQuery, type MemberScope, type MemberSort } from "@/lib/console/member-list-query";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { WorkspaceUserOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import type { BulkKind } from "./bulk-member-dialog";
import type { SelectOption } from "@/components/select";

// One loader on the first load for every dialog: each dialog's own code loads when it first opens.
const MemberDialogs = lazy(() => import("./member-dialogs"));

export type MemberDialog =
  | { kind: "add" }
  | { kind: "roles"; member: WorkspaceUserOutput }
  | { kind: "remove"; member: WorkspaceUserOutput }
  | null;

interface MembersState {
  open: (dialog: MemberDialog) => void;
  /** Bulk selection by user name, or null when the caller may not change members in bulk. */
  selected: ReadonlyMap<string, WorkspaceUserOutput> | null;
  toggle: (members: WorkspaceUserOutput[], on: boolean) => void;
  clearSelection: () => void;
  openBulk: (kind: BulkKind) => void;
  exactActivity: boolean;
  setExactActivity: (on: boolean) => void;
}

const MembersContext = createContext<MembersState | null>(null);

function useMembers(): MembersState {
  const state = use(MembersContext);
  if (!state) throw new Error("Members controls need <MembersList>.");
  return state;
}

const sortPatch = (orderBy: string): Partial<MemberListQuery> => ({ orderBy: parseMemberListQuery({ order_by: orderBy }).orderBy });

export interface MembersListProps {
  org: string;
  ws: string;
  me: string;
  isOrgAdmin: boolean;
  /** The caller's permissions in this workspace, for the roles they may grant. */
  permissions: string[];
  roles: RoleOutput[];
  /** The user id of the workspace's only admin, or null. */
  lastAdmin: string | null;
  /** Which bulk actions the caller may take (none: no selection column). */
  bulk: { roles: boolean; remove: boolean };
  children: ReactNode;
}

/** The list's URL state, the selection and the dialogs, around the whole tab. */
export function MembersList(props: MembersListProps) {
  return (
    <UrlListProvider parse={parseMemberListQuery} search={memberListSearch} sortPatch={sortPatch}>
      <MembersState {...props} />
    </UrlListProvider>
  );
}

function MembersState({ org, ws, me, isOrgAdmin, permissions, roles, lastAdmin, bulk: canBulk, children }: MembersListProps) {
  const list = useServerList();
  const held = useMemo(() => new Set(permissions), [permissions]);
  const [dialog, setDialog] = useState<MemberDialog>(null);
  // Bulk actions: the selection survives paging and filtering (it is keyed by user name), so a
  // user can gather members from several pages; each action sends one request per member.
  const [selected, setSelected] = useState<ReadonlyMap<string, WorkspaceUserOutput>>(new Map());
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [exactActivity, setExactActivity] = useState(false);
  const islandMounted = useOpenedOnce(dialog !== null || bulk !== null);

  const state: MembersState = {
    open: setDialog,
    selected: canBulk.roles || canBulk.remove ? selected : null,
    toggle: (members, on) =>
      setSelected((prev) => {
        const next = new Map(prev);
        for (const m of members) {
          if (on) next.set(m.user.name, m);
          else next.delete(m.user.name);
        }
        return next;
      }),
    clearSelection: () => setSelected(new Map()),
    openBulk: setBulk,
    exactActivity,
    setExactActivity,
  };

  return (
    <MembersContext value={state}>
      {children}
      {islandMounted ? (
        <Suspense fallback={null}>
          <MemberDialogs
            org={org}
            ws={ws}
            me={me}
            isOrgAdmin={isOrgAdmin}
            roles={roles}
            held={held}
            lastAdmin={lastAdmin}
            dialog={dialog}
            setDialog={setDialog}
            bulk={bulk}
            setBulk={setBulk}
            selected={selected}
            setSelected={setSelected}
            onMutated={list.refresh}
          />
        </Suspense>
      ) : null}
    </MembersContext>
  );
}

/** Opens Add member: the header's button (with the reason it cannot be used) or the empty list's. */
export function AddMemberButton({ reason, variant, children }: { reason: string; variant?: "secondary"; children: ReactNode }) {
  const { open } = useMembers();
  return (
    <ReasonButton reason={reason} variant={variant} onClick={() => open({ kind: "add" })}>
      {children}
    </ReasonButton>
  );
}

export interface MemberFilterOptions {
  role: SelectOption<string>[];
  scope: SelectOption<MemberScope>[];
  sort: SelectOption<MemberSort>[];
  pageSize: SelectOption<number>[];
}

/** The filters' choices are worked out on the server (the Role filter's with the role catalog). */
export function MembersToolbar({ options }: { options: MemberFilterOptions }) {
  const { query, refine } = useServerList<MemberListQuery>();
  return (
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
          options={options.role}
        />
        <Select
          id="member-scope-filter"
          label="Access"
          value={query.scope}
          onChange={(scope) => refine({ scope })}
          options={options.scope}
        />
        <Select
          id="member-sort"
          label="Sort"
          value={query.orderBy}
          onChange={(orderBy) => refine({ orderBy })}
          options={options.sort}
        />
        <Select
          id="member-page-size"
          label="Rows"
          value={query.pageSize}
          onChange={(pageSize) => refine({ pageSize })}
          options={options.pageSize}
        />
      </div>
    </div>
  );
}

export function BulkBar({ canRoles, canRemove }: { canRoles: boolean; canRemove: boolean }) {
  const { selected, openBulk, clearSelection } = useMembers();
  if (!selected || selected.size === 0) return null;
  return (
    <div role="region" aria-label="Selected members" className="flex flex-wrap items-center gap-2 border-b border-border bg-surface-2 px-4 py-2 text-sm">
      <span className="font-medium" aria-live="polite">
        {selected.size} selected
      </span>
      <span className="flex-1" />
      {canRoles ? (
        <Button size="sm" variant="secondary" onClick={() => openBulk("roles")}>
          Change roles…
        </Button>
      ) : null}
      {canRemove ? (
        <Button size="sm" variant="secondary" className="text-danger" onClick={() => openBulk("remove")}>
          Remove…
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={clearSelection}>
        Clear selection
      </Button>
    </div>
  );
}

/** A row's checkbox, or the header's for every selectable member of the page. */
export function SelectMembers({ members, label }: { members: WorkspaceUserOutput[]; label: string }) {
  const { selected, toggle } = useMembers();
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={members.length > 0 && members.every((m) => selected?.has(m.user.name))}
      disabled={members.length === 0}
      onChange={(e) => toggle(members, e.target.checked)}
      className="size-4"
    />
  );
}

/**
 * Last active shows relative times; one switch in its header (a single Tab stop, not one per row)
 * shows every row's full date and time instead.
 */
export function ExactTimesSwitch() {
  const { exactActivity, setExactActivity } = useMembers();
  return (
    <button
      type="button"
      aria-pressed={exactActivity}
      onClick={() => setExactActivity(!exactActivity)}
      className="-mx-1 rounded px-1 text-xs font-normal text-link underline-offset-2 hover:underline"
    >
      Exact times
    </button>
  );
}

export function LastActive({ iso }: { iso: string }) {
  const { exactActivity } = useMembers();
  return <LocalTime iso={iso} format={exactActivity ? "datetime" : "relative"} fullDate="hidden" />;
}

export function MemberActions({ member, self, changeReason, removeReason }: { member: WorkspaceUserOutput; self: boolean; changeReason: string; removeReason: string }) {
  const { open } = useMembers();
  const name = member.user.display_name || member.user.email;
  return (
    <div className="flex justify-end gap-2">
      <ReasonButton variant="secondary" size="sm" reason={changeReason} onClick={() => open({ kind: "roles", member })} aria-label={`Change roles of ${name}`}>
        Change roles
      </ReasonButton>
      <ReasonButton
        variant="secondary"
        size="sm"
        reason={removeReason}
        onClick={() => open({ kind: "remove", member })}
        aria-label={self ? "Leave workspace" : `Remove ${name}`}
        className="text-danger"
      >
        {self ? "Leave" : "Remove"}
      </ReasonButton>
    </div>
  );
}
