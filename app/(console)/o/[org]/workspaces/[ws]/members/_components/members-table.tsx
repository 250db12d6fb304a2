"use client";

import { ReasonButton } from "@/components/reason-button";
import { RoleChip } from "@/components/role-chip";
import { Skeleton } from "@/components/states";
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

export function MembersTable({ rows, loading, busy, pageSize, me, lastAdmin, can, readOnly, roles, onChangeRoles, onRemove, selection }: MembersTableProps) {
  const selectable = selection ? selectableMembers(rows, me) : [];
  const allSelected = selection !== undefined && selectable.length > 0 && selectable.every((m) => selection.selected.has(m.user.name));
  return (
    // relative: the sr-only text in the cells is absolutely positioned and would otherwise widen the page.
    <div className="relative overflow-x-auto">
      <table aria-label="Members" aria-busy={loading || busy} className="w-full min-w-[44rem] text-left text-sm">
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          <tr>
            {selection ? (
              <th scope="col" className="w-10 py-2.5 pl-4">
                <input
                  type="checkbox"
                  aria-label="Select every member on this page"
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => selection.onToggleAll(selectable, e.target.checked)}
                  className="size-4"
                />
              </th>
            ) : null}
            <th scope="col" className="px-4 py-2.5 font-medium">
              Member
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Roles
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Access
            </th>
            <th scope="col" className="sticky right-0 bg-surface-2 px-4 py-2.5 text-right font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className={`divide-y divide-border transition-opacity ${busy ? "opacity-60" : ""}`}>
          {loading
            ? Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
                <tr key={i}>
                  {selection ? <td className="w-10 py-3 pl-4" /> : null}
                  <td className="px-4 py-3">
                    <div className="flex items-center gap-3">
                      <Skeleton className="size-8 rounded-full" />
                      <div className="space-y-1.5">
                        <Skeleton className="h-3.5 w-36" />
                        <Skeleton className="h-3 w-48" />
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-5 w-28 rounded-full" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-3.5 w-24" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="ml-auto h-8 w-40" />
                  </td>
                </tr>
              ))
            : rows.map((member) => {
                const id = userIdOf(member.user.name);
                const name = member.user.display_name || member.user.email;
                const self = id === me;
                const direct = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE");
                const viaOrg = member.roles.some((r) => r.role_scope === "ROLE_SCOPE_ORGANIZATION");
                const isLastAdmin = lastAdmin === id;
                const rolesReason = readOnly || can.changeRoles.reason;
                const removeReason = removalRefusal({ self, isLastAdmin, remove: can.remove, readOnly, name });
                const initial = [...name.trim()][0]?.toUpperCase() ?? "?";
                return (
                  <tr key={id} data-member-email={member.user.email} className="hover:bg-surface-2/60">
                    {selection ? (
                      <td className="w-10 py-3 pl-4">
                        {selectable.includes(member) ? (
                          <input
                            type="checkbox"
                            aria-label={`Select ${name}`}
                            checked={selection.selected.has(member.user.name)}
                            onChange={(e) => selection.onToggle(member, e.target.checked)}
                            className="size-4"
                          />
                        ) : null}
                      </td>
                    ) : null}
                    <td className="px-4 py-3">
                      <div className="flex min-w-0 items-center gap-3">
                        <span aria-hidden="true" className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-2 text-sm font-semibold text-muted ring-1 ring-border">
                          {initial}
                        </span>
                        <div className="max-w-[16rem] min-w-0 leading-tight lg:max-w-xs">
                          <p className="flex items-center gap-1.5 font-medium">
                            <Truncate text={member.user.display_name || member.user.email} className="min-w-0" />
                            {self ? <span className="rounded bg-surface-2 px-1.5 py-0.5 text-[0.7rem] font-semibold text-muted ring-1 ring-border">You</span> : null}
                            {isLastAdmin ? (
                              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[0.7rem] font-semibold text-amber-900 dark:bg-amber-400/10 dark:text-amber-200">
                                Only admin
                              </span>
                            ) : null}
                          </p>
                          {member.user.display_name ? <Truncate text={member.user.email} className="text-xs text-muted" /> : null}
                        </div>
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      <ul aria-label={`Roles of ${name}`} className="flex flex-wrap gap-1.5">
                        {member.roles.map((r) => (
                          <li key={`${r.role_scope}:${r.name}`} className="max-w-full">
                            <RoleChip title={roleTitleOf(r.name, roles)} scope={r.role_scope} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-4 py-3 text-muted whitespace-nowrap">
                      {direct && viaOrg ? "Workspace and organization" : direct ? "Workspace member" : "Via organization"}
                    </td>
                    {/* Pinned: at 375 px the table scrolls inside its card and the actions stay in reach. */}
                    <td className="sticky right-0 bg-surface px-4 py-3">
                      {direct ? (
                        <div className="flex justify-end gap-2">
                          <ReasonButton
                            variant="secondary"
                            size="sm"
                            reason={rolesReason}
                            onClick={() => onChangeRoles(member)}
                            aria-label={`Change roles of ${name}`}
                          >
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
                      ) : (
                        <p className="text-right text-xs text-muted">Managed by organization role</p>
                      )}
                    </td>
                  </tr>
                );
              })}
        </tbody>
      </table>
    </div>
  );
}
