import type { Metadata } from "next";
import { countWorkspaceUsers } from "@/lib/domain/workspaces/count-workspace-users";
import { listWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { ApiError } from "@/lib/api/errors";
import type { OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import {
  liveIds,
  parseWorkspaceListQuery,
  workspaceListParams,
  workspaceListSearch,
  type WorkspaceListQuery,
} from "@/lib/console/workspace-list-query";
import type { ListWorkspacesOutput } from "@/lib/schemas/workspaces";
import { gate, gates } from "@/lib/operations/gates";
import { CreateWorkspace, ListWorkspaces, UndeleteWorkspace } from "@/lib/operations/workspaces";
import { ErrorState } from "@/components/states";
import { EmptyState } from "@/components/states";
import { UrlListButton, UrlPagination } from "@/components/url-list";
import { formatCount } from "@/lib/console/format";
import { getDisplayPreferences } from "@/lib/domain/preferences/get-display-preferences";
import type { ReactNode } from "react";
import { requireConsoleOrg } from "../_lib/console-org";
import { CreateButtons, CreateFirstButton, RestoreButton, WorkspacesList, WorkspacesToolbar } from "./_components/workspaces-controls";
import { WorkspacesTable, type MemberCounts } from "./_components/workspaces-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspaces" };

/** One countUsers for the page; deleted workspaces have no members to count. */
async function firstCounts(ctx: RequestContext, access: OrgAccess, data: ListWorkspacesOutput): Promise<MemberCounts> {
  const ids = liveIds(data.workspaces);
  if (ids.length === 0) return { counts: {} };
  try {
    return { counts: (await countWorkspaceUsers(ctx, access, { workspace_ids: ids })).workspace_user_counts };
  } catch (error) {
    // A workspace deleted between the two reads: the counts are missing, and say why on hover.
    if (error instanceof ApiError && error.code === "NOT_FOUND") return { error: error.message };
    throw error;
  }
}

type FirstPage =
  | { data: ListWorkspacesOutput; counts: MemberCounts }
  | { data: null; error: ApiError };

async function firstPage(ctx: RequestContext, access: OrgAccess, query: WorkspaceListQuery): Promise<FirstPage> {
  try {
    const data = await listWorkspaces(ctx, access, workspaceListParams(query), { showDeleted: query.showDeleted });
    return { data, counts: await firstCounts(ctx, access, data) };
  } catch (error) {
    // A bad URL (e.g. a page token from another session) is explained in the table's place, with
    // the API's message and the request id. Anything else is a real server error.
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
    return { data: null, error };
  }
}

export default async function WorkspacesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const query = parseWorkspaceListQuery(await searchParams);
  const { ctx, access } = await requireConsoleOrg(org, `/o/${org}/workspaces${workspaceListSearch(query)}`);

  const view = gate(access, ListWorkspaces);
  if (!view.can) {
    return (
      <ErrorState
        title="You cannot list this organization's workspaces"
        message={`${view.reason} Ask an organization admin for access.`}
      />
    );
  }

  const [first, prefs] = await Promise.all([firstPage(ctx, access, query), getDisplayPreferences(access)]);
  // Organization-level: an org admin may restore any workspace. A workspace admin who is not
  // one restores theirs from its Settings tab, where the workspace's own permissions are known.
  const can = gates(access, { create: CreateWorkspace, restore: UndeleteWorkspace });
  const data = first.data;
  const rows = data?.workspaces ?? [];

  let body: ReactNode;
  if (!first.data) {
    body = (
      <ErrorState
        title="The workspaces could not be loaded"
        message={first.error.message}
        requestId={ctx.requestId}
        actions={
          <>
            <UrlListButton size="sm">Try again</UrlListButton>
            {query.pageToken || query.q ? (
              <UrlListButton variant="ghost" size="sm" patch={{ q: "", pageToken: "" }}>
                Start over
              </UrlListButton>
            ) : null}
          </>
        }
      />
    );
  } else if (rows.length === 0) {
    body = query.q ? (
      <EmptyState
        title={`No workspaces match “${query.q}”`}
        action={
          <UrlListButton patch={{ q: "", pageToken: "" }} mode="replace">
            Clear search
          </UrlListButton>
        }
      >
        Search looks for the text anywhere in a workspace&apos;s title.
      </EmptyState>
    ) : query.pageToken ? (
      <EmptyState title="This page is empty" action={<UrlListButton patch={{ pageToken: "" }}>Back to the first page</UrlListButton>}>
        The workspaces that were here have changed since the page was opened.
      </EmptyState>
    ) : (
      <EmptyState title="No workspaces yet" action={can.create.can ? <CreateFirstButton /> : undefined}>
        {can.create.can
          ? "Workspaces hold a team's members, roles, invitations and settings. Create the first one to get started."
          : "You are not a member of any workspace in this organization. Ask an organization admin to add you to one."}
      </EmptyState>
    );
  } else {
    body = (
      <WorkspacesTable
        org={org}
        rows={rows}
        pageSize={query.pageSize}
        orderBy={query.orderBy}
        memberCounts={first.counts}
        prefs={prefs}
        rowAction={
          query.showDeleted
            ? (ws) => (ws.state === "DELETED" ? <RestoreButton org={org} id={ws.workspace_id} title={ws.title} reason={can.restore.reason} /> : null)
            : undefined
        }
      />
    );
  }

  return (
    <WorkspacesList org={org} canCreate={can.create.can}>
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
          <CreateButtons canCreate={can.create.can} reason={can.create.reason} />
        </div>

        <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-sm">
          <WorkspacesToolbar />
          {body}
          {data && rows.length > 0 ? (
            <UrlPagination
              scope={`workspaces|${org}|${workspaceListSearch({ ...query, pageToken: "" })}`}
              nextPageToken={data.next_page_token}
              shown={rows.length}
              pageSize={query.pageSize}
              total={data.total_size}
              noun={["workspace", "workspaces"]}
            />
          ) : null}
        </div>
      </div>
    </WorkspacesList>
  );
}
