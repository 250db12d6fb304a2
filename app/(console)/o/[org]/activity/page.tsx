import type { Metadata } from "next";
import { ApiError } from "@/lib/api/errors";
import type { OrgAccess } from "@/lib/auth/authorize";
import { authorizeOperation } from "@/lib/operations/execute";
import { ListOrganizationAuditLogs } from "@/lib/operations/audit";
import { ErrorState } from "@/components/states";
import { getDisplayPreferences } from "@/lib/domain/preferences/get-display-preferences";
import { organizationAuditScope } from "@/lib/domain/audit/list-audit-logs";
import { requireConsoleOrg } from "../_lib/console-org";
import { activityForm, loadActivityPage, type SearchParams } from "../_lib/activity-page";
import { ActivityLog } from "../_components/activity-log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organization · Activity" };

export default async function OrganizationActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org } = await params;
  const sp = await searchParams;
  const { ctx } = await requireConsoleOrg(org, `/o/${org}/activity`);
  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
      <p className="mt-1 text-sm text-muted">Every change in the organization and its workspaces, through the console or the API.</p>
    </div>
  );
  let access;
  try {
    access = (await authorizeOperation(ListOrganizationAuditLogs, ctx, { organization_id: org })) as OrgAccess;
    organizationAuditScope(ctx, access);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== "PERMISSION_DENIED") throw error;
    return (
      <div className="space-y-6">
        {heading}
        <ErrorState title="Only organization admins can read this" message="The organization's activity is for organization admins. Workspace admins find their workspace's activity on its Activity tab." requestId={ctx.requestId} />
      </div>
    );
  }
  const display = await getDisplayPreferences(access);
  const page = await loadActivityPage(organizationAuditScope(ctx, access), sp, display.time_zone);
  const base = `/o/${org}/activity`;
  return (
    <div className="space-y-6">
      {heading}
      {page.kind === "error" ? (
        <ErrorState title="These filters cannot be used" message={page.message} requestId={ctx.requestId} />
      ) : (
        <ActivityLog
          org={org}
          basePath={base}
          form={activityForm(sp)}
          entries={page.entries}
          nextPageToken={page.nextPageToken}
          onFirstPage={page.onFirstPage}
          exportHref={`/api/v1/organizations/${org}/audit-logs:export${page.filter ? `?filter=${encodeURIComponent(page.filter)}` : ""}`}
          showWorkspace
        />
      )}
    </div>
  );
}
