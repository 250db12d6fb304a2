import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/local-time";
import { gate } from "@/lib/operations/gates";
import { UpdateWorkspace } from "@/lib/operations/workspaces";
import { requireConsoleWorkspace } from "../_lib/console-workspace";
import { GeneralForm } from "./_components/general-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace · General" };

const REGION_NAMES: Record<string, string> = {
  "us-west-2": "United States (us-west-2)",
  "eu-west-1": "European Union (eu-west-1)",
  "ap-south-1": "India (ap-south-1)",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 px-5 py-3">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export default async function WorkspaceGeneralPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { access, workspace } = await requireConsoleWorkspace(org, ws);

  const policy = workspace.data_policy;
  const creator = workspace.creator_display_name
    ? `${workspace.creator_display_name}${workspace.creator_email ? ` (${workspace.creator_email})` : ""}`
    : workspace.creator_email || "—";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      {/* Keyed by etag: after a save or a reload the form starts again from the server's version. */}
      <GeneralForm key={workspace.etag} org={org} workspace={workspace} update={gate(access, UpdateWorkspace)} />

      <div className="space-y-6">
        <section aria-labelledby="ws-data-policy" className="rounded-xl border border-border bg-surface shadow-sm">
          <div className="border-b border-border px-5 py-3">
            <h2 id="ws-data-policy" className="text-sm font-semibold">
              Data policy
            </h2>
            <p className="mt-0.5 text-xs text-muted">Set when the workspace was created; it cannot be changed.</p>
          </div>
          <dl className="divide-y divide-border text-sm">
            <Row label="Primary region">{REGION_NAMES[policy.group] ?? policy.group}</Row>
            <Row label="Regions">
              {[...policy.regions]
                .sort((a, b) => a.priority - b.priority)
                .map((r) => `${r.region} (priority ${r.priority})`)
                .join(", ")}
            </Row>
            <Row label="PII handling">{policy.pii_strategy === "STRICT" ? "Strict" : "Default"}</Row>
          </dl>
        </section>

        <section aria-labelledby="ws-about" className="rounded-xl border border-border bg-surface shadow-sm">
          <h2 id="ws-about" className="border-b border-border px-5 py-3 text-sm font-semibold">
            About
          </h2>
          <dl className="divide-y divide-border text-sm">
            <Row label="Creator">{creator}</Row>
            <Row label="Created">
              <LocalTime iso={workspace.create_time} format="datetime" />
            </Row>
            <Row label="Last changed">
              <LocalTime iso={workspace.update_time} format="datetime" />
            </Row>
            <Row label="Workspace ID">
              <code className="font-mono text-xs leading-5 break-all">{workspace.workspace_id}</code>
            </Row>
          </dl>
        </section>
      </div>
    </div>
  );
}
