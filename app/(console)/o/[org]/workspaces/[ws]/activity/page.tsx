import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import type { WorkspaceAccess } from "@/lib/auth/authorize";
import { authorizeOperation } from "@/lib/operations/execute";
import { ListWorkspaceAuditLogs } from "@/lib/operations/audit";
import { gate } from "@/lib/operations/gates";
import { ErrorState } from "@/components/states";
import { getDisplayPreferences } from "@/lib/domain/preferences/get-display-preferences";
import { workspaceAuditScope } from "@/lib/domain/audit/list-audit-logs";
import { requireConsoleWorkspace } from "../_lib/console-workspace";
import { activityForm, loadActivityPage, type SearchParams } from "../../../_lib/activity-page";
import { ActivityLog } from "../../../_components/activity-log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace · Activity" };

export default async function WorkspaceActivityPage({ params, searchParams }: { params: Promise<{ org: string; ws: string }>; searchParams: Promise<SearchParams> }) {
  const { org, ws } = await params;
  const sp = await searchParams;
  const { ctx, access: wsAccess } = await requireConsoleWorkspace(org, ws);
  let access;
  try {
    access = (await authorizeOperation(ListWorkspaceAuditLogs, ctx, { organization_id: org, workspace_id: ws })) as WorkspaceAccess;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "PERMISSION_DENIED") throw error;
    return <ErrorState title="You cannot read this workspace's activity" message={gate(wsAccess, ListWorkspaceAuditLogs).reason} requestId={ctx.requestId} />;
  }
  const display = await getDisplayPreferences(access);
  const page = await loadActivityPage(workspaceAuditScope(access), sp, display.time_zone);
  if (page.kind === "error") return <ErrorState title="These filters cannot be used" message={page.message} requestId={ctx.requestId} />;
  return (
    <ActivityLog
      org={org}
      basePath={`/o/${org}/workspaces/${ws}/activity`}
      form={activityForm(sp)}
      entries={page.entries}
      nextPageToken={page.nextPageToken}
      onFirstPage={page.onFirstPage}
      exportHref={`/api/v1/organizations/${org}/workspaces/${ws}/audit-logs:export${page.filter ? `?filter=${encodeURIComponent(page.filter)}` : ""}`}
      showWorkspace={false}
    />
  );
}
