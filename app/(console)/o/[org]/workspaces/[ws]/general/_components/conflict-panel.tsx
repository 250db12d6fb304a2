"use client";

// An etag conflict on General: someone saved the workspace after this form was loaded. The panel
// shows, field by field, the other change beside the user's, so nothing is thrown away blindly:
// "Keep my changes" saves the user's edited fields on top of the newer version (the other
// change stays in every field the user did not touch); "Use their version" drops the edits.

import { Button, Spinner } from "@/components/button";
import { valuesOf, type WorkspaceFieldValues } from "@/components/workspace-fields";
import { WORKSPACE_UPDATABLE, type WorkspaceOutput } from "@/lib/schemas/workspaces";

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
  const rows = WORKSPACE_UPDATABLE.filter((p) => mineChanged.includes(p) || theirsChanged.includes(p));
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="rounded-md border border-amber-400 bg-amber-50 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-50">
      <div className="px-3 py-2">
        <h3 id="conflict-heading" className="font-semibold">
          Someone else changed this workspace while you were editing
        </h3>
        <p className="mt-0.5">Your edits were not saved, so nothing was overwritten. Compare the two versions and choose.</p>
      </div>
      {other ? (
        <div className="overflow-x-auto border-t border-amber-300 dark:border-amber-800">
          <table className="w-full text-left" aria-label="Your changes and the other change">
            <thead>
              <tr className="text-xs">
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Field
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Their version (saved)
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Your version
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p} className="border-t border-amber-200 align-top dark:border-amber-900" data-conflict-field={p}>
                  <th scope="row" className="px-3 py-1.5 font-medium">
                    {LABELS[p]}
                  </th>
                  <td className="max-w-[16rem] px-3 py-1.5">
                    <Shown value={valueAt(other, p)} />
                  </td>
                  <td className="max-w-[16rem] px-3 py-1.5">
                    <Shown value={valueAt(mine, p)} />
                    {mineChanged.includes(p) ? null : <span className="sr-only"> (unchanged)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="border-t border-amber-300 px-3 py-2 dark:border-amber-800">The other version could not be loaded. Use their version to see it.</p>
      )}
      <div className="flex flex-wrap gap-2 border-t border-amber-300 px-3 py-2 dark:border-amber-800">
        {theirs ? (
          <Button size="sm" disabled={pending} onClick={() => onKeepMine(theirs)}>
            {pending ? <Spinner /> : null}
            Keep my changes
          </Button>
        ) : null}
        <Button size="sm" variant="secondary" disabled={pending} onClick={onTakeTheirs}>
          Use their version
        </Button>
      </div>
    </section>
  );
}
