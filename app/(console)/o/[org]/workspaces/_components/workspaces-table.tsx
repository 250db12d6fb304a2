// The workspaces table, rendered on the server; its sort headers, Restore buttons and the busy
// state while the next page renders are the client parts (components/url-list.tsx).

import Link from "next/link";
import { PendingLinkText } from "@/components/pending-link-text";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { Truncate } from "@/components/truncate";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { formatCount, type DisplayPreferences } from "@/lib/console/format";
import type { WorkspaceSort } from "@/lib/console/workspace-list-query";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import type { ReactNode } from "react";

export type MemberCounts = { counts: Record<string, number> } | { counts?: undefined; error: string };

export interface WorkspacesTableProps {
  org: string;
  rows: WorkspaceOutput[];
  pageSize: number;
  orderBy: WorkspaceSort;
  /** Member counts by workspace id (one countUsers call for the page), or why they are missing. */
  memberCounts: MemberCounts;
  prefs: DisplayPreferences;
  /** An extra last column (e.g. Restore for deleted rows), or undefined for none. */
  rowAction?: (ws: WorkspaceOutput) => ReactNode;
}

function MemberCount({ ws, counts, prefs }: { ws: WorkspaceOutput; counts: WorkspacesTableProps["memberCounts"]; prefs: DisplayPreferences }) {
  if (ws.state === "DELETED") return <span className="text-muted">—</span>;
  const n = counts.counts?.[ws.workspace_id];
  if (n !== undefined) return <span className="tabular-nums">{formatCount(n, prefs)}</span>;
  const error = counts.counts ? "The member count could not be loaded." : counts.error;
  return (
    <span className="text-muted" title={error}>
      —<span className="sr-only"> (member count unavailable: {error})</span>
    </span>
  );
}

type Column = ColumnDef<WorkspaceOutput, unknown>;

export function WorkspacesTable({ org, rows, pageSize, orderBy, memberCounts, prefs, rowAction }: WorkspacesTableProps) {
  const columns: Column[] = [
    {
      id: "title",
      header: "Title",
      enableSorting: true,
      meta: { className: "w-[40%]" },
      cell: ({ row: { original: ws } }) => (
        <div className="flex min-w-0 items-center gap-3">
          <WorkspaceIcon icon={ws.workspace_icon} color={ws.workspace_icon_color} title={ws.title} />
          <div className="w-[min(28rem,55vw)] min-w-0 lg:w-auto lg:max-w-md">
            <Truncate text={ws.title}>
              <Link href={`/o/${org}/workspaces/${ws.workspace_id}/general`} className="block truncate font-medium text-fg underline-offset-2 hover:text-link hover:underline">
                <PendingLinkText>{ws.title}</PendingLinkText>
              </Link>
            </Truncate>
            {ws.description ? <Truncate text={ws.description} className="text-xs text-muted" /> : null}
          </div>
        </div>
      ),
    },
    {
      id: "members",
      header: "Members",
      meta: { className: "text-right" },
      cell: ({ row: { original: ws } }) => (
        <span data-testid="member-count">
          <MemberCount ws={ws} counts={memberCounts} prefs={prefs} />
        </span>
      ),
    },
    {
      id: "state",
      header: "State",
      cell: ({ row: { original: ws } }) => <StateBadge state={ws.state} />,
    },
    {
      id: "creator",
      header: "Creator",
      cell: ({ row: { original: ws } }) =>
        ws.creator_display_name || ws.creator_email ? (
          <div className="max-w-[14rem] min-w-0 leading-tight">
            <Truncate text={ws.creator_display_name || ws.creator_email} />
            {ws.creator_display_name && ws.creator_email ? <Truncate text={ws.creator_email} className="text-xs text-muted" /> : null}
          </div>
        ) : (
          <span className="text-muted">—</span>
        ),
    },
    {
      id: "create_time",
      header: "Created",
      enableSorting: true,
      meta: { newestFirst: true, className: "whitespace-nowrap text-muted" },
      cell: ({ row: { original: ws } }) => <LocalTime iso={ws.create_time} format="relative" />,
    },
    {
      id: "update_time",
      header: "Updated",
      enableSorting: true,
      meta: { newestFirst: true, className: "whitespace-nowrap text-muted" },
      cell: ({ row: { original: ws } }) => <LocalTime iso={ws.update_time} format="relative" />,
    },
    ...(rowAction
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { className: "text-right" },
            cell: ({ row: { original: ws } }) => rowAction(ws),
          } satisfies Column,
        ]
      : []),
  ];

  return (
    <DataTable
      label="Workspaces"
      columns={columns}
      rows={rows}
      rowId={(ws) => ws.workspace_id}
      loading={false}
      busy={false}
      pageSize={pageSize}
      orderBy={orderBy}
      urlSort
      minWidth="min-w-[52rem]"
      pinRight={rowAction ? ["actions"] : []}
    />
  );
}
