"use client";

import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { IdentitySkeleton, Skeleton } from "@/components/states";
import { Truncate } from "@/components/truncate";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { useDisplayPreferences } from "@/components/display-preferences";
import { formatCount } from "@/lib/console/format";
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
  const prefs = useDisplayPreferences();
  if (ws.state === "DELETED") return <span className="text-muted">—</span>;
  const n = counts?.[ws.workspace_id];
  if (n !== undefined) return <span className="tabular-nums">{formatCount(n, prefs)}</span>;
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

const col = createColumnHelper<WorkspaceOutput>();

export function WorkspacesTable({ org, rows, loading, busy, pageSize, orderBy, onSort, memberCounts, countsError, rowAction }: WorkspacesTableProps) {
  const columns = useMemo(
    () => [
      col.display({
        id: "title",
        header: "Title",
        enableSorting: true,
        meta: {
          className: "w-[40%]",
          skeleton: <IdentitySkeleton avatar="size-9 rounded-lg" lines={["w-40", "w-56"]} />,
        },
        cell: ({ row: { original: ws } }) => (
          <div className="flex min-w-0 items-center gap-3">
            <WorkspaceIcon icon={ws.workspace_icon} color={ws.workspace_icon_color} title={ws.title} />
            <div className="w-[min(28rem,55vw)] min-w-0 lg:w-auto lg:max-w-md">
              <Truncate text={ws.title}>
                <Link href={`/o/${org}/workspaces/${ws.workspace_id}`} className="block truncate font-medium text-fg underline-offset-2 hover:text-link hover:underline">
                  {ws.title}
                </Link>
              </Truncate>
              {ws.description ? <Truncate text={ws.description} className="text-xs text-muted" /> : null}
            </div>
          </div>
        ),
      }),
      col.display({
        id: "members",
        header: "Members",
        meta: { className: "text-right", skeleton: <Skeleton className="ml-auto h-3.5 w-6" /> },
        cell: ({ row: { original: ws } }) => (
          <span data-testid="member-count">
            <MemberCount ws={ws} counts={memberCounts} error={countsError} />
          </span>
        ),
      }),
      col.display({
        id: "state",
        header: "State",
        meta: { skeleton: <Skeleton className="h-5 w-16 rounded-full" /> },
        cell: ({ row: { original: ws } }) => <StateBadge state={ws.state} />,
      }),
      col.display({
        id: "creator",
        header: "Creator",
        meta: { skeleton: <Skeleton className="h-3.5 w-32" /> },
        cell: ({ row: { original: ws } }) =>
          ws.creator_display_name || ws.creator_email ? (
            <div className="max-w-[14rem] min-w-0 leading-tight">
              <Truncate text={ws.creator_display_name || ws.creator_email} />
              {ws.creator_display_name && ws.creator_email ? <Truncate text={ws.creator_email} className="text-xs text-muted" /> : null}
            </div>
          ) : (
            <span className="text-muted">—</span>
          ),
      }),
      col.display({
        id: "create_time",
        header: "Created",
        enableSorting: true,
        meta: { newestFirst: true, className: "whitespace-nowrap text-muted", skeleton: <Skeleton className="h-3.5 w-24" /> },
        cell: ({ row: { original: ws } }) => <LocalTime iso={ws.create_time} format="relative" />,
      }),
      col.display({
        id: "update_time",
        header: "Updated",
        enableSorting: true,
        meta: { newestFirst: true, className: "whitespace-nowrap text-muted", skeleton: <Skeleton className="h-3.5 w-24" /> },
        cell: ({ row: { original: ws } }) => <LocalTime iso={ws.update_time} format="relative" />,
      }),
      ...(rowAction
        ? [
            col.display({
              id: "actions",
              header: () => <span className="sr-only">Actions</span>,
              meta: { className: "text-right", skeleton: null },
              cell: ({ row: { original: ws } }) => rowAction(ws),
            }),
          ]
        : []),
    ],
    [org, memberCounts, countsError, rowAction],
  );

  return (
    <DataTable
      label="Workspaces"
      columns={columns}
      rows={rows}
      rowId={(ws) => ws.workspace_id}
      loading={loading}
      busy={busy}
      pageSize={pageSize}
      orderBy={orderBy}
      onSort={(o) => onSort(o as WorkspaceSort)}
      minWidth="min-w-[52rem]"
      pinRight={rowAction ? ["actions"] : []}
    />
  );
}
