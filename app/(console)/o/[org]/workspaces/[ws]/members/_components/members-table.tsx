// The members table, rendered on the server; its checkboxes, row actions, the "Exact times"
// switch and the sort headers are the client parts (members-controls.tsx, components/url-list.tsx).

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { RoleChip } from "@/components/role-chip";
import { Truncate } from "@/components/truncate";
import { userIdOf } from "@/lib/console/member-list-query";
import { roleTitleOf } from "@/lib/console/role-grants";
import type { Gate } from "@/lib/operations/gates";
import type { WorkspaceUserOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { ExactTimesSwitch, LastActive, MemberActions, SelectMembers } from "./members-controls";

export interface MembersTableProps {
  rows: WorkspaceUserOutput[];
  pageSize: number;
  /** The list's order_by (Member sorts by name, Added by time). */
  orderBy: string;
  me: string;
  /** The user id of the workspace's only admin, or null. */
  lastAdmin: string | null;
  can: { changeRoles: Gate; remove: Gate };
  readOnly: string;
  roles: RoleOutput[];
  /** A selection column, when the caller may change members in bulk. */
  selection: boolean;
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

type Column = ColumnDef<WorkspaceUserOutput, unknown>;

function accessOf(member: WorkspaceUserOutput): string {
  const direct = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
  const viaOrg = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_ORGANIZATION");
  return direct && viaOrg ? "Workspace and organization" : direct ? "Workspace member" : "Via organization";
}

export function MembersTable({ rows, pageSize, orderBy, me, lastAdmin, can, readOnly, roles, selection }: MembersTableProps) {
  const selectable = selection ? selectableMembers(rows, me) : [];
  // The "Exact times" switch sits under the column's name and the Member and Access columns are
  // narrow enough that the table fits at 1440 px: wider, it scrolled there, and the pinned
  // Actions column lay over the switch until scrolled.

  const columns: Column[] = [
      ...(selection
        ? [
            {
              id: "select",
              meta: { className: "w-10 pr-0" },
              header: () => <SelectMembers members={selectable} label="Select every member on this page" />,
              cell: ({ row: { original: member } }) => (selectable.includes(member) ? <SelectMembers members={[member]} label={`Select ${member.user.display_name || member.user.email}`} /> : null),
            } satisfies Column,
          ]
        : []),
      {
        id: "display_name",
        header: "Member",
        enableSorting: true,
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
      },
      {
        id: "roles",
        header: "Roles",
        cell: ({ row: { original: member } }) => (
          <ul aria-label={`Roles of ${member.user.display_name || member.user.email}`} className="flex flex-wrap gap-1.5">
            {member.roles.map((r) => (
              <li key={`${r.role_scope}:${r.name}`} className="max-w-full">
                <RoleChip title={roleTitleOf(r.name, roles)} scope={r.role_scope} />
              </li>
            ))}
          </ul>
        ),
      },
      {
        id: "access",
        header: "Access",
        // Wraps ("Workspace and / organization"): on one line it alone pushed the table past 1440 px.
        meta: { className: "min-w-[7rem] text-muted" },
        cell: ({ row: { original: member } }) => accessOf(member),
      },
      {
        id: "created_time",
        header: "Added",
        enableSorting: true,
        meta: { newestFirst: true, className: "whitespace-nowrap text-muted" },
        cell: ({ row: { original: member } }) => <LocalTime iso={member.create_time} format="relative" fullDate="below" />,
      },
      {
        id: "last_active_time",
        header: () => (
          <span className="flex flex-col items-start gap-0.5">
            Last active
            <ExactTimesSwitch />
          </span>
        ),
        meta: { className: "whitespace-nowrap text-muted" },
        cell: ({ row: { original: member } }) =>
          !member.last_active_time ? (
            "Never"
          ) : (
            <LastActive iso={member.last_active_time} />
          ),
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row: { original: member } }) => {
          const id = userIdOf(member.user.name);
          const name = member.user.display_name || member.user.email;
          const self = id === me;
          const direct = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
          if (!direct) return <p className="text-right text-xs text-muted">Managed by organization role</p>;
          const removeReason = removalRefusal({ self, isLastAdmin: lastAdmin === id, remove: can.remove, readOnly, name });
          return <MemberActions member={member} self={self} changeReason={readOnly || can.changeRoles.reason} removeReason={removeReason} />;
        },
      },
  ];

  return (
    <DataTable
      label="Members"
      columns={columns}
      rows={rows}
      rowId={(m) => userIdOf(m.user.name)}
      rowProps={(m) => ({ "data-member-email": m.user.email })}
      loading={false}
      busy={false}
      pageSize={pageSize}
      orderBy={orderBy}
      urlSort
      minWidth="min-w-[56rem]"
      pinRight={["actions"]}
    />
  );
}
