import type { Metadata } from "next";
import { StateBadge } from "@/components/state-badge";
import { requireConsoleWorkspace } from "../_lib/console-workspace";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace · General" };

const REGION_NAMES: Record<string, string> = {
  "us-west-2": "United States (us-west-2)",
  "eu-west-1": "European Union (eu-west-1)",
  "ap-south-1": "India (ap-south-1)",
};

export default async function WorkspaceGeneralPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { workspace } = await requireConsoleWorkspace(org, ws);

  const policy = workspace.data_policy;
  const creator = workspace.creator_display_name
    ? `${workspace.creator_display_name}${workspace.creator_email ? ` (${workspace.creator_email})` : ""}`
    : workspace.creator_email || "—";

  return (
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
  );
}
