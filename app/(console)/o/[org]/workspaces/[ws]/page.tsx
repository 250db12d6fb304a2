import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { authorize } from "@/lib/auth/authorize";
import { getWorkspace } from "@/lib/domain/workspaces/get-workspace";
import { looksLikeId } from "@/lib/ids";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { ErrorState } from "@/components/states";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { requireConsoleOrg } from "../../_lib/console-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace" };

const REGION_NAMES: Record<string, string> = {
  "us-west-2": "United States (us-west-2)",
  "eu-west-1": "European Union (eu-west-1)",
  "ap-south-1": "India (ap-south-1)",
};

export default async function WorkspacePage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { ctx } = await requireConsoleOrg(org, `/o/${org}/workspaces/${ws}`);
  if (!looksLikeId(ws, "ws")) notFound();

  let workspace: WorkspaceOutput;
  try {
    const access = await authorize(ctx, "read:Workspace", { organizationId: org, workspaceId: ws });
    workspace = await getWorkspace(access);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
    if (error instanceof ApiError && error.code === "PERMISSION_DENIED") {
      return (
        <ErrorState
          title="You cannot view this workspace"
          message="Viewing a workspace requires the read:Workspace permission. Ask a workspace admin for access."
          requestId={ctx.requestId}
        />
      );
    }
    throw error;
  }

  const policy = workspace.data_policy;
  const creator = workspace.creator_display_name
    ? `${workspace.creator_display_name}${workspace.creator_email ? ` (${workspace.creator_email})` : ""}`
    : workspace.creator_email || "—";

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-1.5 text-sm text-muted">
          <li>
            <Link href={`/o/${org}/workspaces`} className="text-link underline-offset-2 hover:underline">
              Workspaces
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="truncate text-fg">
            {workspace.title}
          </li>
        </ol>
      </nav>

      <div className="flex flex-wrap items-center gap-4">
        <WorkspaceIcon icon={workspace.workspace_icon} color={workspace.workspace_icon_color} title={workspace.title} size="lg" />
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{workspace.title}</h1>
            <StateBadge state={workspace.state} />
          </div>
          <p className="mt-1 text-sm text-muted">
            Created <LocalTime iso={workspace.create_time} format="datetime" />
          </p>
        </div>
      </div>

      <section aria-labelledby="ws-details" className="rounded-xl border border-border bg-surface shadow-sm">
        <h2 id="ws-details" className="border-b border-border px-5 py-3 text-sm font-semibold">
          Details
        </h2>
        <dl className="divide-y divide-border text-sm">
          <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-muted">Description</dt>
            <dd className="break-words whitespace-pre-line">{workspace.description || <span className="text-muted">No description</span>}</dd>
          </div>
          <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-muted">State</dt>
            <dd>
              <StateBadge state={workspace.state} />
            </dd>
          </div>
          <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-muted">Creator</dt>
            <dd className="break-words">{creator}</dd>
          </div>
          <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-muted">Data region</dt>
            <dd>
              {REGION_NAMES[policy.group] ?? policy.group}
              {policy.regions.length > 1 ? (
                <span className="text-muted">
                  {" "}
                  · also {policy.regions.filter((r) => r.region !== policy.group).map((r) => r.region).join(", ")}
                </span>
              ) : null}
              {policy.pii_strategy === "STRICT" ? <span className="text-muted"> · strict PII handling</span> : null}
            </dd>
          </div>
          {workspace.configuration.domain ? (
            <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
              <dt className="text-muted">Domain</dt>
              <dd className="font-mono text-xs leading-5">{workspace.configuration.domain}</dd>
            </div>
          ) : null}
          <div className="grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
            <dt className="text-muted">Workspace ID</dt>
            <dd className="font-mono text-xs leading-5 break-all">{workspace.workspace_id}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
