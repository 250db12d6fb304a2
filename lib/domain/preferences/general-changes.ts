// The general-preference part of an update, shared by the workspace and organization PATCH:
// which columns the mask names, what they become, and the before/after the audit entry records.

import { GENERAL_FIELDS, type GeneralField, type GeneralPreferencesInput } from "../../schemas/preferences";
import { COLUMN_OF, storedValue, type StoredGeneral } from "./inheritance";

/** Column → new value (NULL: inherit) for each `general.*` path of the resolved mask. */
export function plannedGeneral(paths: ReadonlySet<string>, general: GeneralPreferencesInput | undefined): Partial<StoredGeneral> {
  const out: Partial<StoredGeneral> = {};
  for (const field of GENERAL_FIELDS) {
    if (!paths.has(`general.${field}`)) continue;
    (out as Record<string, unknown>)[COLUMN_OF[field]] = storedValue(field, general?.[field]);
  }
  return out;
}

export interface GeneralDiff {
  data: Partial<StoredGeneral>;
  /** Wire-shaped `{general: {field: value}}`, unset as null, for the audit entry. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export function diffGeneral(row: StoredGeneral, planned: Partial<StoredGeneral>): GeneralDiff {
  const data: Partial<StoredGeneral> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of GENERAL_FIELDS as readonly GeneralField[]) {
    const column = COLUMN_OF[field];
    if (!(column in planned)) continue;
    const next = planned[column] ?? null;
    if (row[column] === next) continue;
    (data as Record<string, unknown>)[column] = next;
    before[field] = row[column];
    after[field] = next;
  }
  return Object.keys(data).length
    ? { data, before: { general: before }, after: { general: after } }
    : { data, before: {}, after: {} };
}
