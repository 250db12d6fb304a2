"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { SortHeader } from "@/components/sort-header";
import { Skeleton } from "@/components/states";
import { Truncate } from "@/components/truncate";
import { WorkspaceIcon } from "@/components/workspace-icon";
import type { WorkspaceSort } from "@/lib/console/workspace-list-query";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";

export interface WorkspacesTableProps {
  org: string;
  rows: WorkspaceOutput[];
  /** No data yet: show skeleton rows. */
  loading: boolean;
  /** Showing the previous page while the next one loads. */
  busy: boolean;
  pageSize: number;
  orderBy: WorkspaceSort;
  onSort: (orderBy: WorkspaceSort) => void;
  /** Member counts by workspace id (one countUsers call for the page); undefined while loading. */
  memberCounts: Record<string, number> | undefined;
  /** Why the counts could not be loaded, shown on hover of the dashes. */
  countsError?: string;
  /** An extra last column (e.g. Restore for deleted rows), or undefined for none. */
  rowAction?: (ws: WorkspaceOutput) => ReactNode;
}

function MemberCount({ ws, counts, error }: { ws: WorkspaceOutput; counts: Record<string, number> | undefined; error?: string }) {
  if (ws.state === "DELETED") return <span className="text-muted">—</span>;
  const n = counts?.[ws.workspace_id];
  if (n !== undefined) return <span className="tabular-nums">{n}</span>;
  if (error) {
    return (
      <span className="text-muted" title={error}>
        —<span className="sr-only"> (member count unavailable: {error})</span>
      </span>
    );
  }
  return (
    <>
      <Skeleton className="h-3.5 w-6" />
      <span className="sr-only">Loading</span>
    </>
  );
}

export function WorkspacesTable({ org, rows, loading, busy, pageSize, orderBy, onSort, memberCounts, countsError, rowAction }: WorkspacesTableProps) {
  return (
    // relative: visually hidden (absolute) labels in cells must stay inside the scroll box at 375px.
    <div className="relative overflow-x-auto">
      <table aria-label="Workspaces" aria-busy={loading || busy} className="w-full min-w-[52rem] text-left text-sm">
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          <tr>
            <SortHeader field="title" label="Title" orderBy={orderBy} onSort={onSort} className="w-[40%]" />
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              Members
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              State
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Creator
            </th>
            <SortHeader field="create_time" label="Created" orderBy={orderBy} onSort={onSort} newestFirst />
            <SortHeader field="update_time" label="Updated" orderBy={orderBy} onSort={onSort} newestFirst />
            {rowAction ? (
              <th scope="col" className="sticky right-0 bg-surface-2 px-4 py-2.5 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className={`divide-y divide-border transition-opacity ${busy ? "opacity-60" : ""}`}>
          {loading
            ? Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
                <tr key={i}>
                  <td className="px-4 py-3">
                    <div className="flex items-center gap-3">
                      <Skeleton className="size-9 rounded-lg" />
                      <div className="space-y-1.5">
                        <Skeleton className="h-3.5 w-40" />
                        <Skeleton className="h-3 w-56" />
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="ml-auto h-3.5 w-6" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-5 w-16 rounded-full" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-3.5 w-32" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-3.5 w-24" />
                  </td>
                  <td className="px-4 py-3">
                    <Skeleton className="h-3.5 w-24" />
                  </td>
                  {rowAction ? <td className="sticky right-0 bg-surface px-4 py-3" /> : null}
                </tr>
              ))
            : rows.map((ws) => (
                <tr key={ws.workspace_id} className="hover:bg-surface-2/60">
                  <td className="px-4 py-3">
                    <div className="flex min-w-0 items-center gap-3">
                      <WorkspaceIcon icon={ws.workspace_icon} color={ws.workspace_icon_color} title={ws.title} />
                      <div className="w-[min(28rem,55vw)] min-w-0 lg:w-auto lg:max-w-md">
                        <Truncate text={ws.title}>
                          <Link
                            href={`/o/${org}/workspaces/${ws.workspace_id}`}
                            className="block truncate font-medium text-fg underline-offset-2 hover:text-link hover:underline"
                          >
                            {ws.title}
                          </Link>
                        </Truncate>
                        {ws.description ? <Truncate text={ws.description} className="text-xs text-muted" /> : null}
                      </div>
                    </div>
                  </td>
                  <td className="px-4 py-3 text-right" data-testid="member-count">
                    <MemberCount ws={ws} counts={memberCounts} error={countsError} />
                  </td>
                  <td className="px-4 py-3">
                    <StateBadge state={ws.state} />
                  </td>
                  <td className="px-4 py-3">
                    {ws.creator_display_name || ws.creator_email ? (
                      <div className="max-w-[14rem] min-w-0 leading-tight">
                        <Truncate text={ws.creator_display_name || ws.creator_email} />
                        {ws.creator_display_name && ws.creator_email ? <Truncate text={ws.creator_email} className="text-xs text-muted" /> : null}
                      </div>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-muted">
                    <LocalTime iso={ws.create_time} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-muted">
                    <LocalTime iso={ws.update_time} />
                  </td>
                  {/* Pinned: at 375 px the table scrolls inside its card and the action stays in reach. */}
                  {rowAction ? <td className="sticky right-0 bg-surface px-4 py-3 text-right">{rowAction(ws)}</td> : null}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
