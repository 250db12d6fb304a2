"use client";

// The workspace list's controls in the browser; the rows are rendered on the server (page.tsx).
// The dialogs, their forms and React Query (which they run their actions through) load on the
// first opening, not with the list.

import { createContext, lazy, Suspense, use, useState, type ReactNode } from "react";
import { Button } from "@/components/button";
import { ReasonButton } from "@/components/reason-button";
import { SearchBox } from "@/components/search-box";
import { useToast } from "@/components/toast";
import { Select } from "@/components/toolbar-select";
import { UrlListProvider, useServerList } from "@/components/url-list";
import { useDialogParam } from "@/lib/console/use-dialog-param";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import { WORKSPACE_PAGE_SIZES, parseWorkspaceListQuery, workspaceListSearch, type WorkspaceListQuery } from "@/lib/console/workspace-list-query";
import { undeleteWorkspaceAction } from "../actions";

// One loader on the first load for both dialogs: each dialog's own code loads when it first opens.
const WorkspaceDialogs = lazy(() => import("./workspace-dialogs"));

type Dialogs = { openNew: () => void; openBulk: () => void };
const DialogsContext = createContext<Dialogs>({ openNew: () => {}, openBulk: () => {} });

const useWorkspaceList = () => useServerList<WorkspaceListQuery>();

/** The list's URL state and the two dialogs, around the whole page. */
export function WorkspacesList({ org, canCreate, children }: { org: string; canCreate: boolean; children: ReactNode }) {
  return (
    <UrlListProvider parse={parseWorkspaceListQuery} search={workspaceListSearch}>
      <WorkspaceDialogState org={org} canCreate={canCreate}>
        {children}
      </WorkspaceDialogState>
    </UrlListProvider>
  );
}

function WorkspaceDialogState({ org, canCreate, children }: { org: string; canCreate: boolean; children: ReactNode }) {
  const list = useWorkspaceList();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const islandMounted = useOpenedOnce(dialogOpen || bulkOpen);
  // The command palette's "New workspace" and "Bulk provision" land here with ?dialog=new|bulk.
  useDialogParam((name) => {
    if (!canCreate) return;
    if (name === "new") setDialogOpen(true);
    if (name === "bulk") setBulkOpen(true);
  });
  const [dialogs] = useState<Dialogs>(() => ({ openNew: () => setDialogOpen(true), openBulk: () => setBulkOpen(true) }));
  return (
    <DialogsContext value={dialogs}>
      {children}
      {islandMounted ? (
        <Suspense fallback={null}>
          <WorkspaceDialogs org={org} newOpen={dialogOpen} setNewOpen={setDialogOpen} bulkOpen={bulkOpen} setBulkOpen={setBulkOpen} onMutated={list.refresh} />
        </Suspense>
      ) : null}
    </DialogsContext>
  );
}

export function CreateButtons({ canCreate, reason }: { canCreate: boolean; reason: string }) {
  const { openNew, openBulk } = use(DialogsContext);
  return (
    <div className="flex flex-wrap gap-2">
      {/* Hidden when the caller may not create: the New workspace button beside it already says why. */}
      {canCreate ? (
        <Button variant="secondary" onClick={openBulk}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
            <path d="M8 10V2.5M5 5.5l3-3 3 3M2.5 10v2.5a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1V10" />
          </svg>
          Bulk provision
        </Button>
      ) : null}
      <ReasonButton reason={reason} onClick={openNew}>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M8 3v10M3 8h10" strokeLinecap="round" />
        </svg>
        New workspace
      </ReasonButton>
    </div>
  );
}

/** The empty list's way to the New workspace dialog. */
export function CreateFirstButton() {
  const { openNew } = use(DialogsContext);
  return (
    <Button variant="secondary" onClick={openNew}>
      Create a workspace
    </Button>
  );
}

export function WorkspacesToolbar() {
  const { query, refine } = useWorkspaceList();
  // The switch answers the click at once; the URL (and the list) follow. Without its own state a
  // controlled checkbox snaps back until the router reports the new URL, which reads as a no-op.
  const [showDeleted, setShowDeleted] = useState(query.showDeleted);
  const [urlShowDeleted, setUrlShowDeleted] = useState(query.showDeleted);
  if (urlShowDeleted !== query.showDeleted) {
    setUrlShowDeleted(query.showDeleted);
    setShowDeleted(query.showDeleted);
  }
  return (
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
              onChange={(e) => {
                setShowDeleted(e.target.checked);
                refine({ showDeleted: e.target.checked });
              }}
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
  );
}

/** Restore of a deleted workspace (the list shows deleted ones on request). */
export function RestoreButton({ org, id, title, reason }: { org: string; id: string; title: string; reason: string }) {
  const list = useWorkspaceList();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const restore = async () => {
    setPending(true);
    try {
      const result = await undeleteWorkspaceAction(org, id);
      if (!result.ok) {
        toast({ tone: "error", title: `“${title}” could not be restored`, description: `${result.error.message}${result.error.requestId ? ` (request ${result.error.requestId})` : ""}` });
        return;
      }
      toast({ title: "Workspace restored", description: `“${result.data.title}” is back.` });
      list.refresh();
    } catch {
      toast({ tone: "error", title: `“${title}” could not be restored`, description: "The server could not be reached." });
    } finally {
      setPending(false);
    }
  };
  return (
    <ReasonButton size="sm" variant="secondary" reason={reason} disabled={pending} onClick={() => void restore()} aria-label={`Restore ${title}`}>
      Restore
    </ReasonButton>
  );
}
