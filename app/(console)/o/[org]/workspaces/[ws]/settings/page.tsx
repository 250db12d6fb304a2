import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { StateBadge } from "@/components/state-badge";
import { gates } from "@/lib/operations/gates";
import { CloneWorkspace, CreateWorkspace, DeleteWorkspace, DisableWorkspace, EnableWorkspace, UndeleteWorkspace } from "@/lib/operations/workspaces";
import { requireConsoleWorkspace } from "../_lib/console-workspace";
import { REASON_LABELS } from "@/lib/console/state-reasons";
import { DangerZone } from "./_components/danger-zone";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace · Settings" };

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ org: string; ws: string }> }) {
  const { org, ws } = await params;
  const { access, workspace } = await requireConsoleWorkspace(org, ws);
  const history = [...workspace.state_transitions].reverse();

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <DangerZone org={org} workspace={workspace} can={gates(access, {
          changeState: workspace.state === "DISABLED" ? EnableWorkspace : DisableWorkspace,
          clone: [CloneWorkspace, CreateWorkspace],
          remove: DeleteWorkspace,
          restore: UndeleteWorkspace,
        })} />

      <section aria-labelledby="ws-state-history" className="rounded-xl border border-border bg-surface shadow-sm">
        <h2 id="ws-state-history" className="border-b border-border px-5 py-3 text-sm font-semibold">
          State history
        </h2>
        {history.length === 0 ? (
          <p className="px-5 py-4 text-sm text-muted">Active since it was created; no state changes yet.</p>
        ) : (
          <ol className="divide-y divide-border text-sm">
            {history.map((t, i) => (
              <li key={`${t.transition_time}-${i}`} className="space-y-1 px-5 py-3">
                <div className="flex flex-wrap items-center gap-1.5">
                  <StateBadge state={t.from_state} />
                  <span aria-label="to">→</span>
                  <StateBadge state={t.to_state} />
                </div>
                <p className="text-muted">
                  <LocalTime iso={t.transition_time} format="datetime" /> · {REASON_LABELS[t.reason] ?? t.reason}
                </p>
                {t.comment ? <p className="break-words whitespace-pre-line">{t.comment}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
