"use client";

// An etag conflict on a form: someone saved the resource after the form was loaded. The panel
// shows, field by field, the other change beside the user's, so nothing is thrown away blindly:
// "Keep my changes" saves the user's edited fields on top of the newer version (the other change
// stays in every field the user did not touch); "Use their version" drops the edits. Each form
// supplies its rows (the fields either side changed) and the two actions.

import type { ReactNode } from "react";
import { Button, Spinner } from "@/components/button";

export interface ConflictRow {
  key: string;
  label: string;
  theirs: ReactNode;
  mine: ReactNode;
  /** The user left this field as loaded (only the other change touched it). */
  mineUnchanged: boolean;
}

export interface ConflictCompareProps {
  /** "Someone else changed this workspace while you were editing". */
  heading: string;
  /** The field rows, or null when the other version could not be read. */
  rows: ConflictRow[] | null;
  pending: boolean;
  /** Absent when the other version could not be read (there is nothing to save on top of). */
  onKeepMine?: () => void;
  onTakeTheirs: () => void;
  testId?: string;
}

export function ConflictCompare({ heading, rows, pending, onKeepMine, onTakeTheirs, testId }: ConflictCompareProps) {
  return (
    <section
      role="alert"
      aria-label={heading}
      data-testid={testId}
      className="rounded-md border border-amber-400 bg-amber-50 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-50"
    >
      <div className="px-3 py-2">
        <h3 className="font-semibold">{heading}</h3>
        <p className="mt-0.5">Your edits were not saved, so nothing was overwritten. Compare the two versions and choose.</p>
      </div>
      {rows ? (
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
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-amber-200 align-top dark:border-amber-900" data-conflict-field={r.key}>
                  <th scope="row" className="px-3 py-1.5 font-medium">
                    {r.label}
                  </th>
                  <td className="max-w-[16rem] px-3 py-1.5">{r.theirs}</td>
                  <td className="max-w-[16rem] px-3 py-1.5">
                    {r.mine}
                    {r.mineUnchanged ? <span className="sr-only"> (unchanged)</span> : null}
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
        {rows && onKeepMine ? (
          <Button size="sm" disabled={pending} onClick={onKeepMine}>
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
