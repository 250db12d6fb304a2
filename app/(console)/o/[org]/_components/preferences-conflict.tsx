"use client";

// An etag conflict on the preference form: the fields either side changed (and support access)
// in the shared side-by-side view (components/conflict-compare.tsx), worded as the form words them.

import { ConflictCompare, type ConflictRow } from "@/components/conflict-compare";
import { PREFERENCE_LABELS, changedGeneralFields, generalDraftOf, supportChanged, type PreferencesFormValues } from "@/lib/console/preferences-form";
import type { GeneralPreferencesOutput } from "@/lib/schemas/preferences";
import { GENERAL_FIELDS, type GeneralField } from "@/lib/schemas/values";

/** The preferences as the other change left them (GET …/preferences). */
export interface OtherVersion {
  general: GeneralPreferencesOutput;
  etag: string;
  support_team_access?: boolean;
  support_access_expire_time?: string;
}

export interface PreferencesConflictProps {
  mine: PreferencesFormValues;
  /** The version the form was loaded with. */
  base: PreferencesFormValues;
  /** The version saved by the other change, or null when it could not be read. */
  theirs: OtherVersion | null;
  /** Support access, in words: the other side's (with its expiry) and the user's. Absent on the organization's form. */
  support?: { theirs: (theirs: OtherVersion) => string; mine: string };
  /** A field's value in words ("" = inherit). */
  describe: (field: GeneralField, value: string) => string;
  pending: boolean;
  onKeepMine: (theirs: OtherVersion) => void;
  onTakeTheirs: () => void;
}

export function PreferencesConflict({ mine, base, theirs, support, describe, pending, onKeepMine, onTakeTheirs }: PreferencesConflictProps) {
  let rows: ConflictRow[] | null = null;
  if (theirs) {
    const other = generalDraftOf(theirs.general);
    const mineChanged = changedGeneralFields(base.general, mine.general);
    const theirsChanged = changedGeneralFields(base.general, other);
    rows = GENERAL_FIELDS.filter((f) => mineChanged.includes(f) || theirsChanged.includes(f)).map((f) => ({
      key: f,
      label: PREFERENCE_LABELS[f],
      theirs: describe(f, other[f]),
      mine: describe(f, mine.general[f]),
      mineUnchanged: !mineChanged.includes(f),
    }));
    const mineSupport = supportChanged(base.support, mine.support);
    if (support && (mineSupport || Boolean(theirs.support_team_access) !== base.support.grant)) {
      rows.push({ key: "support_team_access", label: "Support team access", theirs: support.theirs(theirs), mine: support.mine, mineUnchanged: !mineSupport });
    }
  }
  return (
    <ConflictCompare
      heading="Someone else changed these preferences while you were editing"
      rows={rows}
      pending={pending}
      onKeepMine={theirs ? () => onKeepMine(theirs) : undefined}
      onTakeTheirs={onTakeTheirs}
      testId="preferences-conflict"
    />
  );
}
