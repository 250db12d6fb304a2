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
import { QueryProvider } from "@/components/query-provider";
import { requireConsoleOrg } from "../_lib/console-org";
import { WorkspacesView } from "./_components/workspaces-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspaces" };

/** One countUsers for the page; deleted workspaces have no members to count. */
async function firstCounts(ctx: RequestContext, access: OrgAccess, data: ListWorkspacesOutput): Promise<Record<string, number> | null> {
  const ids = liveIds(data.workspaces);
  if (ids.length === 0) return {};
  try {
    return (await countWorkspaceUsers(ctx, access, { workspace_ids: ids })).workspace_user_counts;
  } catch (error) {
    // A workspace deleted between the two reads: the table asks again and explains any failure.
    if (error instanceof ApiError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

async function firstPage(
  ctx: RequestContext,
  access: OrgAccess,
  query: WorkspaceListQuery,
): Promise<{ data: ListWorkspacesOutput | null; counts: Record<string, number> | null; fetchedAt: number }> {
  try {
    const data = await listWorkspaces(ctx, access, workspaceListParams(query), { showDeleted: query.showDeleted });
    return { data, counts: await firstCounts(ctx, access, data), fetchedAt: Date.now() };
  } catch (error) {
    // A bad URL (e.g. a page token from another session) is the table's to explain: it fetches
    // again and shows the API's message and request id. Anything else is a real server error.
    if (!(error instanceof ApiError) || error.code !== "INVALID_ARGUMENT") throw error;
    return { data: null, counts: null, fetchedAt: 0 };
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

  const first = await firstPage(ctx, access, query);
  // Not a layout: one here would put React Query on every workspace tab below, Activity included.
  return (
    <QueryProvider>
      <WorkspacesView
      org={org}
      // Organization-level: an org admin may restore any workspace. A workspace admin who is not
      // one restores theirs from its Settings tab, where the workspace's own permissions are known.
      can={gates(access, { create: CreateWorkspace, restore: UndeleteWorkspace })}
      initialQuery={query}
      initialData={first.data}
      initialCounts={first.counts}
      renderedAt={first.fetchedAt}
      />
    </QueryProvider>
  );
}
