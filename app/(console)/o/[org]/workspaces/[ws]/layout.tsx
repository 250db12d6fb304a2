import type { ReactNode } from "react";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { ErrorState } from "@/components/states";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { loadConsoleWorkspace } from "./_lib/console-workspace";
import { TabPending, WorkspaceTabs } from "./_components/workspace-tabs";
import { PageSkeleton } from "@/components/page-skeleton";
import { DisplayPreferencesProvider } from "@/components/display-preferences";
import { getDisplayPreferences } from "@/lib/domain/preferences/get-display-preferences";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const loaded = await loadConsoleWorkspace(org, ws);

  const breadcrumb = (current: string) => (
    <nav aria-label="Breadcrumb">
      <ol className="flex min-w-0 flex-wrap items-center gap-1.5 text-sm text-muted">
        <li>
          <Link href={`/o/${org}/workspaces`} className="text-link underline-offset-2 hover:underline">
            Workspaces
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li aria-current="page" className="max-w-full truncate text-fg">
          {current}
        </li>
      </ol>
    </nav>
  );

  if (loaded.kind === "denied") {
    return (
      <div className="space-y-6">
        {breadcrumb("Workspace")}
        <ErrorState title="You cannot view this workspace" message={loaded.message} requestId={loaded.ctx.requestId} />
      </div>
    );
  }

  const { workspace } = loaded;
  const deleted = workspace.state === "DELETED";
  const display = await getDisplayPreferences(loaded.access);
  return (
    <DisplayPreferencesProvider value={display}>
      {/* While a tab link's page is on its way (it then holds [data-tab-pending], see
          workspace-tabs.tsx), the tab's skeleton stands in for the old tab. */}
      <div className="group/ws space-y-6">
        {breadcrumb(workspace.title)}

        <div className="flex min-w-0 items-center gap-4">
          <WorkspaceIcon icon={workspace.workspace_icon} color={workspace.workspace_icon_color} title={workspace.title} size="lg" />
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              {/* At most two lines (a title may be 256 characters); the full title on hover, and in the General tab. */}
              <h1 className="line-clamp-2 min-w-0 text-2xl font-semibold tracking-tight break-words" title={workspace.title}>
                {workspace.title}
              </h1>
              <span data-testid="workspace-state">
                <StateBadge state={workspace.state} />
              </span>
            </div>
            <p className="mt-1 text-sm text-muted" data-testid="workspace-created">
              Created <LocalTime iso={workspace.create_time} format="datetime" />
            </p>
          </div>
        </div>

        {deleted ? (
          <div role="status" className="rounded-lg border border-border-strong bg-surface-2 px-4 py-3 text-sm">
            <p className="font-medium">This workspace is deleted.</p>
            <p className="mt-1 text-muted">
              It is hidden from lists and its members have lost access.
              {workspace.purge_time ? (
                <>
                  {" "}
                  It will be purged for good on <LocalTime iso={workspace.purge_time} format="datetime" />.
                </>
              ) : null}{" "}
              <Link href={`/o/${org}/workspaces/${ws}/settings`} className="text-link underline underline-offset-2">
                Restore it from Settings
                <TabPending />
              </Link>
              .
            </p>
          </div>
        ) : null}

        <WorkspaceTabs org={org} ws={ws} />
        <div className="group-has-[[data-tab-pending]]/ws:hidden">{children}</div>
        <div className="hidden group-has-[[data-tab-pending]]/ws:block">
          <PageSkeleton label="Loading the tab…" aside />
        </div>
      </div>
    </DisplayPreferencesProvider>
  );
}
