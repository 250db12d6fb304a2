// The client's view of a server action's result (the same shape as lib/auth/action's
// ActionResult), with helpers to put field violations next to the fields they name.

export interface ActionFailure {
  code: string;
  message: string;
  requestId: string;
  fieldViolations: Array<{ field: string; description: string }>;
}

export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; error: ActionFailure };

/**
 * Field errors keyed by the form's field names. `fieldOf` maps a violation's API path (e.g.
 * `data_policy.group`) to a form field, or undefined when no field shows it. For codes other than
 * INVALID_ARGUMENT (e.g. ALREADY_EXISTS) the server's message is the clearer text.
 */
export function fieldErrorsOf(error: ActionFailure, fieldOf: (path: string) => string | undefined): {
  fields: Record<string, string>;
  unplaced: string[];
} {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const v of error.fieldViolations) {
    const field = fieldOf(v.field);
    const text = error.code === "INVALID_ARGUMENT" ? capitalize(v.description) : error.message;
    if (field && !fields[field]) fields[field] = text;
    else if (!field) unplaced.push(`${v.field}: ${v.description}`);
  }
  return { fields, unplaced };
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * A violation's text with the API field's name replaced by the label the form shows: the
 * organization's `title` is labelled "Organization name", so "title is required" must read
 * "Name is required".
 */
export function relabel(description: string, apiField: string, label: string): string {
  const text = description.startsWith(apiField) ? `${label}${description.slice(apiField.length)}` : description;
  return capitalize(text);
}
