"use client";

// An etag conflict on General: the workspace's fields in the shared side-by-side view
// (components/conflict-compare.tsx).

import { ConflictCompare, type ConflictRow } from "@/components/conflict-compare";
import { valuesOf, type WorkspaceFieldValues } from "@/components/workspace-fields";
import { WORKSPACE_UPDATABLE } from "@/lib/schemas/values";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";

export type EditablePath = (typeof WORKSPACE_UPDATABLE)[number];

const LABELS: Record<EditablePath, string> = {
  title: "Title",
  description: "Description",
  workspace_icon: "Icon",
  workspace_icon_color: "Color",
  "configuration.domain": "Domain",
};

function valueAt(v: WorkspaceFieldValues, path: EditablePath): string {
  return path === "configuration.domain" ? v.configuration.domain : v[path];
}

function same(path: EditablePath, a: string, b: string): boolean {
  if (path === "workspace_icon_color" || path === "configuration.domain") return a.trim().toUpperCase() === b.trim().toUpperCase();
  return a === b;
}

/** The editable fields whose value in `next` differs from `base`. */
export function changedPaths(base: WorkspaceFieldValues, next: WorkspaceFieldValues): EditablePath[] {
  return WORKSPACE_UPDATABLE.filter((p) => !same(p, valueAt(base, p), valueAt(next, p)));
}

export interface ConflictPanelProps {
  mine: WorkspaceFieldValues;
  /** The version the form was loaded with. */
  base: WorkspaceFieldValues;
  /** The version saved by the other change, or null when it could not be read. */
  theirs: WorkspaceOutput | null;
  pending: boolean;
  onKeepMine: (theirs: WorkspaceOutput) => void;
  onTakeTheirs: () => void;
}

function Shown({ value }: { value: string }) {
  return value ? <span className="break-words whitespace-pre-line">{value}</span> : <span className="text-muted italic">empty</span>;
}

export function ConflictPanel({ mine, base, theirs, pending, onKeepMine, onTakeTheirs }: ConflictPanelProps) {
  const other = theirs ? valuesOf(theirs) : null;
  const mineChanged = changedPaths(base, mine);
  const theirsChanged = other ? changedPaths(base, other) : [];
  const rows: ConflictRow[] | null = other
    ? WORKSPACE_UPDATABLE.filter((p) => mineChanged.includes(p) || theirsChanged.includes(p)).map((p) => ({
        key: p,
        label: LABELS[p],
        theirs: <Shown value={valueAt(other, p)} />,
        mine: <Shown value={valueAt(mine, p)} />,
        mineUnchanged: !mineChanged.includes(p),
      }))
    : null;
  return (
    <ConflictCompare
      heading="Someone else changed this workspace while you were editing"
      rows={rows}
      pending={pending}
      onKeepMine={theirs ? () => onKeepMine(theirs) : undefined}
      onTakeTheirs={onTakeTheirs}
    />
  );
}
