"use client";

// The workspaces list: search, sort, page size and keyset paging, all held in the URL. The server
// renders the first page; after that react-query reads /api/v1 and the URL is updated in place
// (history API, which Next's router follows), so paging never reloads the page or re-renders the
// server component.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { Pagination } from "@/components/pagination";
import { ReasonButton } from "@/components/reason-button";
import { EmptyState, ErrorState } from "@/components/states";
import { useToast } from "@/components/toast";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { toSearchParams } from "@/lib/console/list-query";
import type { Gate } from "@/lib/operations/gates";
import { workspaceKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import { useUrlList } from "@/lib/console/use-url-list";
import { useDialogParam } from "@/lib/console/use-dialog-param";
import {
  WORKSPACE_PAGE_SIZES,
  liveIds,
  parseWorkspaceListQuery,
  workspaceListParams,
  workspaceListSearch,
  type WorkspaceListQuery,
} from "@/lib/console/workspace-list-query";
import type { CountWorkspaceUsersOutput, ListWorkspacesOutput, WorkspaceOutput } from "@/lib/schemas/workspaces";
import { undeleteWorkspaceAction } from "../actions";
import { WorkspacesTable } from "./workspaces-table";
import { SearchBox } from "@/components/search-box";
import { Select } from "@/components/toolbar-select";
import { useDisplayPreferences } from "@/components/display-preferences";
import { formatCount } from "@/lib/console/format";

// The two dialogs (their forms, zod schemas, CSV parsing) load when first opened, not with the list.
const NewWorkspaceDialog = dynamic(() => import("./new-workspace-dialog").then((m) => m.NewWorkspaceDialog), { ssr: false });
const BulkProvisionDialog = dynamic(() => import("./bulk-provision-dialog").then((m) => m.BulkProvisionDialog), { ssr: false });

export interface WorkspacesViewProps {
  org: string;
  /** What the caller may do in the organization, and why not. */
  can: { create: Gate; restore: Gate };
  initialQuery: WorkspaceListQuery;
  initialData: ListWorkspacesOutput | null;
  /** Member counts of the first page's workspaces, or null when the table should ask. */
  initialCounts: Record<string, number> | null;
  renderedAt: number;
}

function fetchWorkspaces(org: string, query: WorkspaceListQuery, signal: AbortSignal): Promise<ListWorkspacesOutput> {
  const params = toSearchParams({ ...workspaceListParams(query), show_deleted: query.showDeleted ? "true" : "" });
  return apiFetch<ListWorkspacesOutput>(`/organizations/${encodeURIComponent(org)}/workspaces?${params}`, { signal });
}

/** Kognitos CountWorkspaceUsers: one call for every id of the page. */
function fetchUserCounts(org: string, ids: readonly string[], signal: AbortSignal): Promise<CountWorkspaceUsersOutput> {
  return apiFetch<CountWorkspaceUsersOutput>(`/organizations/${encodeURIComponent(org)}/workspaces:countUsers`, {
    method: "POST",
    json: { workspace_ids: ids },
    signal,
  });
}

export function WorkspacesView({ org, can, initialQuery, initialData, initialCounts, renderedAt }: WorkspacesViewProps) {
  const { query, refine, list, busy, pager } = useUrlList({
    parse: parseWorkspaceListQuery,
    search: workspaceListSearch,
    scope: `workspaces|${org}`,
    queryKey: (q: WorkspaceListQuery) => workspaceKeys.list(org, q),
    fetch: (q: WorkspaceListQuery, signal: AbortSignal) => fetchWorkspaces(org, q, signal),
    nextPageToken: (d: ListWorkspacesOutput) => d.next_page_token,
    initial: { query: initialQuery, data: initialData, renderedAt },
  });
  const isInitial = initialData !== null && workspaceListSearch(query) === workspaceListSearch(initialQuery);
  const canCreate = can.create.can;
  const prefs = useDisplayPreferences();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  // Mounted from its first opening on, then kept: closing it keeps what was pasted, as before.
  const bulkMounted = useOpenedOnce(bulkOpen);
  const openDialog = () => setDialogOpen(true);
  // The command palette's "New workspace" and "Bulk provision" land here with ?dialog=new|bulk.
  useDialogParam((name) => {
    if (!canCreate) return;
    if (name === "new") setDialogOpen(true);
    if (name === "bulk") setBulkOpen(true);
  });

  // The switch answers the click at once; the URL (and the list) follow. Without its own state a
  // controlled checkbox snaps back until the router reports the new URL, which reads as a no-op.
  const [showDeleted, setShowDeleted] = useState(query.showDeleted);
  const [urlShowDeleted, setUrlShowDeleted] = useState(query.showDeleted);
  if (urlShowDeleted !== query.showDeleted) {
    setUrlShowDeleted(query.showDeleted);
    setShowDeleted(query.showDeleted);
  }
  const onShowDeletedChange = (checked: boolean) => {
    setShowDeleted(checked);
    refine({ showDeleted: checked });
  };

  const data = list.data;
  const error = list.error;
  const rows = data?.workspaces ?? [];

  const ids = useMemo(() => liveIds(data?.workspaces ?? []), [data]);
  const initialIds = useMemo(() => (isInitial && initialData ? liveIds(initialData.workspaces) : null), [isInitial, initialData]);
  const countsFromServer = initialCounts !== null && initialIds !== null && initialIds.join() === ids.join();
  const counts = useQuery({
    queryKey: workspaceKeys.userCounts(org, ids),
    queryFn: ({ signal }) => fetchUserCounts(org, ids, signal),
    enabled: ids.length > 0 && !busy,
    initialData: countsFromServer ? { workspace_user_counts: initialCounts } : undefined,
    initialDataUpdatedAt: countsFromServer ? renderedAt : undefined,
  });
  const countsError = counts.error ? (counts.error instanceof ApiRequestError ? counts.error.message : "The member counts could not be loaded.") : undefined;

  const queryClient = useQueryClient();
  const toast = useToast();
  const restore = useMutation({
    mutationFn: (ws: WorkspaceOutput) => undeleteWorkspaceAction(org, ws.workspace_id),
    onSuccess: async (result, ws) => {
      if (!result.ok) {
        toast({ tone: "error", title: `“${ws.title}” could not be restored`, description: `${result.error.message}${result.error.requestId ? ` (request ${result.error.requestId})` : ""}` });
        return;
      }
      toast({ title: "Workspace restored", description: `“${result.data.title}” is back.` });
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
    },
    onError: (_e, ws) => toast({ tone: "error", title: `“${ws.title}” could not be restored`, description: "The server could not be reached." }),
  });
  const rowAction = query.showDeleted
    ? (ws: WorkspaceOutput) =>
        ws.state === "DELETED" ? (
          <ReasonButton
            size="sm"
            variant="secondary"
            reason={can.restore.reason}
            disabled={restore.isPending && restore.variables?.workspace_id === ws.workspace_id}
            onClick={() => restore.mutate(ws)}
            aria-label={`Restore ${ws.title}`}
          >
            Restore
          </ReasonButton>
        ) : null
    : undefined;

  const createButton = (
    <ReasonButton reason={can.create.reason} onClick={openDialog}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M8 3v10M3 8h10" strokeLinecap="round" />
      </svg>
      New workspace
    </ReasonButton>
  );

  let body: ReactNode;
  if (error && !data) {
    const e = error instanceof ApiRequestError ? error : undefined;
    body = (
      <ErrorState
        title="The workspaces could not be loaded"
        message={e?.message ?? "The request failed."}
        requestId={e?.requestId}
        onRetry={() => void list.refetch()}
        actions={
          query.pageToken || query.q ? (
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
        title={`No workspaces match “${query.q}”`}
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
        Search looks for the text anywhere in a workspace&apos;s title.
      </EmptyState>
    ) : query.pageToken ? (
      <EmptyState title="This page is empty" action={<Button variant="secondary" onClick={pager.first}>Back to the first page</Button>}>
        The workspaces that were here have changed since the page was opened.
      </EmptyState>
    ) : (
      <EmptyState
        title="No workspaces yet"
        action={
          canCreate ? (
            <Button variant="secondary" onClick={openDialog}>
              Create a workspace
            </Button>
          ) : undefined
        }
      >
        {canCreate
          ? "Workspaces hold a team's members, roles, invitations and settings. Create the first one to get started."
          : "You are not a member of any workspace in this organization. Ask an organization admin to add you to one."}
      </EmptyState>
    );
  } else {
    body = (
      <WorkspacesTable
        org={org}
        rows={rows}
        loading={!data}
        busy={busy}
        pageSize={query.pageSize}
        orderBy={query.orderBy}
        onSort={(orderBy) => refine({ orderBy })}
        memberCounts={counts.data?.workspace_user_counts}
        countsError={countsError}
        rowAction={rowAction}
      />
    );
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Workspaces</h1>
          <p className="mt-1 text-sm text-muted" aria-live="polite">
            {data
              ? `${formatCount(data.total_size, prefs)} ${data.total_size === 1 ? "workspace" : "workspaces"}${query.showDeleted ? " including deleted ones" : ""}${query.q ? ` matching “${query.q}”` : ""}`
              : "\u00a0"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {/* Hidden when the caller may not create: the New workspace button beside it already says why. */}
          {canCreate ? (
            <Button variant="secondary" onClick={() => setBulkOpen(true)}>
              <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
                <path d="M8 10V2.5M5 5.5l3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10" />
              </svg>
              Bulk provision
            </Button>
          ) : null}
          {createButton}
        </div>
      </div>

      <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
        <div className="flex flex-col gap-3 border-b border-border p-3 sm:flex-row sm:items-center sm:justify-between">
          <SearchBox
            id="workspace-search"
            label="Search workspaces by title"
            placeholder="Search by title"
            value={query.q}
            onSearch={(q) => refine({ q }, "replace")}
            className="sm:max-w-xs"
          />
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
          <label className="inline-flex cursor-pointer items-center gap-2">
            {/* The real checkbox lies, transparent, over the drawn track, so it is what gets clicked and focused. */}
            <span className="relative inline-flex h-5 w-9 shrink-0">
              <input
                type="checkbox"
                role="switch"
                checked={showDeleted}
                onChange={(e) => onShowDeletedChange(e.target.checked)}
                className="peer absolute inset-0 z-10 m-0 size-full cursor-pointer opacity-0"
              />
              <span
                aria-hidden="true"
                className="pointer-events-none relative inline-flex size-full items-center rounded-full bg-border-strong transition-colors peer-checked:bg-accent peer-focus-visible:ring-2 peer-focus-visible:ring-accent peer-focus-visible:ring-offset-2 peer-focus-visible:ring-offset-surface after:absolute after:left-0.5 after:size-4 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-4"
              />
            </span>
            Show deleted
          </label>
          <Select
            id="workspace-page-size"
            label="Rows per page"
            value={query.pageSize}
            onChange={(pageSize) => refine({ pageSize })}
            options={WORKSPACE_PAGE_SIZES.map((n) => ({ value: n, label: String(n) }))}
          />
          </div>
        </div>

        {body}

        {data && rows.length > 0 ? (
          <Pagination pager={pager} shown={rows.length} pageSize={query.pageSize} total={data.total_size} noun={["workspace", "workspaces"]} />
        ) : null}
      </div>

      {dialogOpen ? <NewWorkspaceDialog org={org} open onOpenChange={setDialogOpen} /> : null}
      {bulkMounted ? <BulkProvisionDialog org={org} open={bulkOpen} onOpenChange={setBulkOpen} /> : null}
    </div>
  );
}
