"use client";

// The Settings tab's danger zone: disable/enable, clone and delete (or restore, once deleted).
// Each action's button says why it cannot be used — a missing permission or the workspace's
// state — in words, reachable by keyboard; each dialog is its own file.

import dynamic from "next/dynamic";
import { useState } from "react";
import { ReasonButton } from "@/components/reason-button";
import type { Gate } from "@/lib/operations/gates";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { RestoreRow } from "./restore-row";
import { ZoneRow } from "./zone-row";

// The dialogs (react-hook-form with the workspace schemas and zod, Radix dialog and select) load on their first opening.
const CloneDialog = dynamic(() => import("./clone-dialog").then((m) => m.CloneDialog), { ssr: false });
const DeleteDialog = dynamic(() => import("./delete-dialog").then((m) => m.DeleteDialog), { ssr: false });
const StateDialog = dynamic(() => import("./state-dialog").then((m) => m.StateDialog), { ssr: false });

export interface DangerZoneProps {
  org: string;
  workspace: WorkspaceOutput;
  /** What the caller may do here, and why not. */
  can: { changeState: Gate; clone: Gate; remove: Gate; restore: Gate };
}

type Open = "state" | "clone" | "delete" | null;

export function DangerZone({ org, workspace, can }: DangerZoneProps) {
  const [open, setOpen] = useState<Open>(null);
  const state = workspace.state;
  const onOpenChange = (which: Open) => (o: boolean) => setOpen(o ? which : null);

  if (state === "DELETED") {
    return (
      <section aria-labelledby="danger-heading" className="rounded-xl border border-border bg-surface shadow-sm">
        <h2 id="danger-heading" className="border-b border-border px-5 py-3 text-sm font-semibold">
          Deleted workspace
        </h2>
        <RestoreRow org={org} workspace={workspace} reason={can.restore.reason} />
      </section>
    );
  }

  // A permission the caller lacks comes first: it is the reason whatever the state.
  const stateReason = can.changeState.reason || (state === "TERMINATED" ? "A terminated workspace cannot change state." : "");
  const cloneReason = can.clone.reason;
  const deleteReason =
    can.remove.reason ||
    (state !== "ACTIVE" ? `A ${state.toLowerCase()} workspace cannot be deleted${state === "DISABLED" ? "; enable it first" : ""}.` : "");
  const verb = state === "DISABLED" ? "enable" : "disable";

  return (
    <section aria-labelledby="danger-heading" className="rounded-xl border border-red-300 bg-surface shadow-sm dark:border-red-900">
      <h2 id="danger-heading" className="border-b border-red-300 px-5 py-3 text-sm font-semibold text-danger dark:border-red-900">
        Danger zone
      </h2>
      <div className="divide-y divide-border">
        {state === "DISABLED" ? (
          <ZoneRow
            title="Enable workspace"
            action={
              <ReasonButton variant="secondary" reason={stateReason} onClick={() => setOpen("state")}>
                Enable workspace
              </ReasonButton>
            }
          >
            The workspace is disabled and read-only. Enabling it lets members make changes again.
          </ZoneRow>
        ) : (
          <ZoneRow
            title="Disable workspace"
            action={
              <ReasonButton variant="secondary" reason={stateReason} onClick={() => setOpen("state")}>
                Disable workspace
              </ReasonButton>
            }
          >
            {state === "TERMINATED"
              ? "This workspace is terminated: it stays read-only for good."
              : "Makes the workspace read-only: no changes to it, its members, roles, invitations or settings until it is enabled again."}
          </ZoneRow>
        )}
        <ZoneRow
          title="Clone workspace"
          action={
            <ReasonButton variant="secondary" reason={cloneReason} onClick={() => setOpen("clone")}>
              Clone workspace
            </ReasonButton>
          }
        >
          Copies its description, icon, color, domain, data policy, preferences and custom roles into a new workspace, and its members if you
          choose. Invitations and credentials are not copied.
        </ZoneRow>
        <ZoneRow
          title="Delete workspace"
          action={
            <ReasonButton variant="danger" reason={deleteReason} onClick={() => setOpen("delete")}>
              Delete workspace
            </ReasonButton>
          }
        >
          {state === "DISABLED"
            ? "Enable the workspace first: a disabled workspace cannot be deleted."
            : "Hides the workspace and removes everyone's access. It can be restored for 30 days, then it is purged."}
        </ZoneRow>
      </div>

      {/* Mounted only while open, so each opening starts from a fresh form. */}
      {open === "state" ? <StateDialog org={org} workspace={workspace} verb={verb} open onOpenChange={onOpenChange("state")} /> : null}
      {open === "clone" ? <CloneDialog org={org} workspace={workspace} open onOpenChange={onOpenChange("clone")} /> : null}
      {open === "delete" ? <DeleteDialog org={org} workspace={workspace} open onOpenChange={onOpenChange("delete")} /> : null}
    </section>
  );
}
