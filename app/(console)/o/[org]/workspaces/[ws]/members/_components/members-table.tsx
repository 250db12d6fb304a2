"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { ReasonButton } from "@/components/reason-button";
import { RoleChip } from "@/components/role-chip";
import { IdentitySkeleton, Skeleton } from "@/components/states";
import { Truncate } from "@/components/truncate";
import { userIdOf } from "@/lib/console/member-list-query";
import { roleTitleOf } from "@/lib/console/role-grants";
import type { Gate } from "@/lib/operations/gates";
import type { WorkspaceUserOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";

export interface MembersTableProps {
  rows: WorkspaceUserOutput[];
  loading: boolean;
  busy: boolean;
  pageSize: number;
  /** The list's order_by, and how to ask for another (Member sorts by name, Added by time). */
  orderBy: string;
  onSort: (orderBy: string) => void;
  me: string;
  /** The user id of the workspace's only admin, or null. */
  lastAdmin: string | null;
  can: { changeRoles: Gate; remove: Gate };
  readOnly: string;
  roles: RoleOutput[];
  onChangeRoles: (member: WorkspaceUserOutput) => void;
  onRemove: (member: WorkspaceUserOutput) => void;
  /** Bulk selection (user names), or undefined when the caller may not change members in bulk. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (member: WorkspaceUserOutput, on: boolean) => void;
    onToggleAll: (members: WorkspaceUserOutput[], on: boolean) => void;
  };
}

/** Rows a bulk action may include: direct members other than the caller (who leaves on their own). */
export function selectableMembers(rows: WorkspaceUserOutput[], me: string): WorkspaceUserOutput[] {
  return rows.filter((m) => userIdOf(m.user.name) !== me && m.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE"));
}

/** Why this member cannot be removed (or leave), or "". */
export function removalRefusal(opts: { self: boolean; isLastAdmin: boolean; remove: Gate; readOnly: string; name: string }): string {
  if (opts.readOnly) return opts.readOnly;
  if (!opts.self && !opts.remove.can) return opts.remove.reason;
  if (opts.isLastAdmin) {
    return opts.self
      ? "You are this workspace's only admin. Make another member a Workspace Admin before you leave."
      : `${opts.name} is this workspace's only admin. Make another member a Workspace Admin before removing them.`;
  }
  return "";
}

const col = createColumnHelper<WorkspaceUserOutput>();

function accessOf(member: WorkspaceUserOutput): string {
  const direct = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
  const viaOrg = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_ORGANIZATION");
  return direct && viaOrg ? "Workspace and organization" : direct ? "Workspace member" : "Via organization";
}

export function MembersTable({ rows, loading, busy, pageSize, orderBy, onSort, me, lastAdmin, can, readOnly, roles, onChangeRoles, onRemove, selection }: MembersTableProps) {
  const selectable = selection ? selectableMembers(rows, me) : [];
  const allSelected = selection !== undefined && selectable.length > 0 && selectable.every((m) => selection.selected.has(m.user.name));
  // Last active shows relative times; one switch in its header (a single Tab stop, not one per
  // row) shows every row's full date and time instead. The switch sits under the column's name
  // and the Member and Access columns are narrow enough that the table fits at 1440 px: wider,
  // it scrolled there, and the pinned Actions column lay over the switch until scrolled.
  const [exactActivity, setExactActivity] = useState(false);

  const columns = [
      ...(selection
        ? [
            col.display({
              id: "select",
              meta: { className: "w-10 pr-0", skeleton: null },
              header: () => (
                <input
                  type="checkbox"
                  aria-label="Select every member on this page"
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => selection.onToggleAll(selectable, e.target.checked)}
                  className="size-4"
                />
              ),
              cell: ({ row: { original: member } }) =>
                selectable.includes(member) ? (
                  <input
                    type="checkbox"
                    aria-label={`Select ${member.user.display_name || member.user.email}`}
                    checked={selection.selected.has(member.user.name)}
                    onChange={(e) => selection.onToggle(member, e.target.checked)}
                    className="size-4"
                  />
                ) : null,
            }),
          ]
        : []),
      col.display({
        id: "display_name",
        header: "Member",
        enableSorting: true,
        meta: {
          skeleton: <IdentitySkeleton avatar="size-8 rounded-full" lines={["w-36", "w-48"]} />,
        },
        cell: ({ row: { original: member } }) => {
          const id = userIdOf(member.user.name);
          const name = member.user.display_name || member.user.email;
          const initial = [...name.trim()][0]?.toUpperCase() ?? "?";
          return (
            <div className="flex min-w-0 items-center gap-3">
              <span aria-hidden="true" className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-2 text-sm font-semibold text-muted ring-1 ring-border">
                {initial}
              </span>
              <div className="max-w-[16rem] min-w-0 leading-tight">
                <p className="flex items-center gap-1.5 font-medium">
                  <Truncate text={name} className="min-w-0" />
                  {id === me ? <span className="rounded bg-surface-2 px-1.5 py-0.5 text-[0.7rem] font-semibold text-muted ring-1 ring-border">You</span> : null}
                  {lastAdmin === id ? (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[0.7rem] font-semibold text-amber-900 dark:bg-amber-400/10 dark:text-amber-200">
                      Only admin
                    </span>
                  ) : null}
                </p>
                {member.user.display_name ? <Truncate text={member.user.email} className="text-xs text-muted" /> : null}
              </div>
            </div>
          );
        },
      }),
      col.display({
        id: "roles",
        header: "Roles",
        meta: { skeleton: <Skeleton className="h-5 w-28 rounded-full" /> },
        cell: ({ row: { original: member } }) => (
          <ul aria-label={`Roles of ${member.user.display_name || member.user.email}`} className="flex flex-wrap gap-1.5">
            {member.roles.map((r) => (
              <li key={`${r.role_scope}:${r.name}`} className="max-w-full">
                <RoleChip title={roleTitleOf(r.name, roles)} scope={r.role_scope} />
              </li>
            ))}
          </ul>
        ),
      }),
      col.display({
        id: "access",
        header: "Access",
        // Wraps ("Workspace and / organization"): on one line it alone pushed the table past 1440 px.
        meta: { className: "min-w-[7rem] text-muted", skeleton: <Skeleton className="h-3.5 w-24" /> },
        cell: ({ row: { original: member } }) => accessOf(member),
      }),
      col.display({
        id: "created_time",
        header: "Added",
        enableSorting: true,
        meta: { newestFirst: true, className: "whitespace-nowrap text-muted", skeleton: <Skeleton className="h-3.5 w-20" /> },
        cell: ({ row: { original: member } }) => <LocalTime iso={member.create_time} format="relative" fullDate="below" />,
      }),
      col.display({
        id: "last_active_time",
        header: () => (
          <span className="flex flex-col items-start gap-0.5">
            Last active
            <button
              type="button"
              aria-pressed={exactActivity}
              onClick={() => setExactActivity((v) => !v)}
              className="-mx-1 rounded px-1 text-xs font-normal text-link underline-offset-2 hover:underline"
            >
              Exact times
            </button>
          </span>
        ),
        meta: { className: "whitespace-nowrap text-muted", skeleton: <Skeleton className="h-3.5 w-20" /> },
        cell: ({ row: { original: member } }) =>
          !member.last_active_time ? (
            "Never"
          ) : (
            <LocalTime iso={member.last_active_time} format={exactActivity ? "datetime" : "relative"} fullDate="hidden" />
          ),
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        meta: { skeleton: <Skeleton className="ml-auto h-8 w-40" /> },
        cell: ({ row: { original: member } }) => {
          const id = userIdOf(member.user.name);
          const name = member.user.display_name || member.user.email;
          const self = id === me;
          const direct = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
          if (!direct) return <p className="text-right text-xs text-muted">Managed by organization role</p>;
          const removeReason = removalRefusal({ self, isLastAdmin: lastAdmin === id, remove: can.remove, readOnly, name });
          return (
            <div className="flex justify-end gap-2">
              <ReasonButton variant="secondary" size="sm" reason={readOnly || can.changeRoles.reason} onClick={() => onChangeRoles(member)} aria-label={`Change roles of ${name}`}>
                Change roles
              </ReasonButton>
              <ReasonButton
                variant="secondary"
                size="sm"
                reason={removeReason}
                onClick={() => onRemove(member)}
                aria-label={self ? "Leave workspace" : `Remove ${name}`}
                className="text-danger"
              >
                {self ? "Leave" : "Remove"}
              </ReasonButton>
            </div>
          );
        },
      }),
  ];

  return (
    <DataTable
      label="Members"
      columns={columns}
      rows={rows}
      rowId={(m) => userIdOf(m.user.name)}
      rowProps={(m) => ({ "data-member-email": m.user.email })}
      loading={loading}
      busy={busy}
      pageSize={pageSize}
      orderBy={orderBy}
      onSort={onSort}
      minWidth="min-w-[56rem]"
      pinRight={["actions"]}
    />
  );
}
