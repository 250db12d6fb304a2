"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { Skeleton } from "@/components/states";
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

type SortField = "title" | "create_time";

function SortableHeader({
  field,
  label,
  orderBy,
  onSort,
  className = "",
}: {
  field: SortField;
  label: string;
  orderBy: WorkspaceSort;
  onSort: (orderBy: WorkspaceSort) => void;
  className?: string;
}) {
  const asc = orderBy === field;
  const desc = orderBy === `${field} desc`;
  // Titles read naturally A→Z first; dates newest first.
  const next: WorkspaceSort =
    field === "title" ? (asc ? "title desc" : "title") : desc ? "create_time" : "create_time desc";
  return (
    <th scope="col" aria-sort={asc ? "ascending" : desc ? "descending" : undefined} className={`px-4 py-2.5 ${className}`}>
      <button
        type="button"
        onClick={() => onSort(next)}
        className="group -mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:text-fg"
      >
        {label}
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className={`size-3.5 ${asc || desc ? "text-fg" : "text-muted opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {desc ? <path d="M8 3v10M4 9l4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
        </svg>
      </button>
    </th>
  );
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
      <table aria-label="Workspaces" aria-busy={loading || busy} className="w-full min-w-[44rem] text-left text-sm">
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          <tr>
            <SortableHeader field="title" label="Title" orderBy={orderBy} onSort={onSort} className="w-[40%]" />
            <th scope="col" className="px-4 py-2.5 text-right font-medium">
              Members
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              State
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              Creator
            </th>
            <SortableHeader field="create_time" label="Created" orderBy={orderBy} onSort={onSort} />
            {rowAction ? (
              <th scope="col" className="px-4 py-2.5 font-medium">
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
                  {rowAction ? <td className="px-4 py-3" /> : null}
                </tr>
              ))
            : rows.map((ws) => (
                <tr key={ws.workspace_id} className="hover:bg-surface-2/60">
                  <td className="px-4 py-3">
                    <div className="flex min-w-0 items-center gap-3">
                      <WorkspaceIcon icon={ws.workspace_icon} color={ws.workspace_icon_color} title={ws.title} />
                      <div className="min-w-0">
                        <Link
                          href={`/o/${org}/workspaces/${ws.workspace_id}`}
                          className="block truncate font-medium text-fg underline-offset-2 hover:text-link hover:underline"
                        >
                          {ws.title}
                        </Link>
                        {ws.description ? <p className="max-w-md truncate text-xs text-muted">{ws.description}</p> : null}
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
                      <div className="min-w-0 leading-tight">
                        <p className="truncate">{ws.creator_display_name || ws.creator_email}</p>
                        {ws.creator_display_name && ws.creator_email ? (
                          <p className="truncate text-xs text-muted">{ws.creator_email}</p>
                        ) : null}
                      </div>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-muted">
                    <LocalTime iso={ws.create_time} />
                  </td>
                  {rowAction ? <td className="px-4 py-3 text-right">{rowAction(ws)}</td> : null}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
