// Validation errors onto react-hook-form fields, from either side. The console's forms validate in
// the browser with the API's own zod schemas (lib/schemas), and the server refuses with
// google.rpc.BadRequest field violations naming the same API paths ("title",
// "configuration.client_id", "permissions.3"). Both go through one `fieldOf` mapping from API path
// to form field, so an error lands under the same field whichever side found it.

import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldErrors, FieldPath, FieldValues, Resolver, UseFormSetError } from "react-hook-form";
import type { ZodType } from "zod";
import { fieldErrorsOf, type ActionFailure } from "./action-result";

/** The form field that shows an API path's errors, or undefined when the form has none for it. */
export type FieldOf<F extends FieldValues> = (apiPath: string) => FieldPath<F> | undefined;

/** A `fieldOf` for forms whose field names are the API's own top-level field names. */
export function sameNames<F extends FieldValues>(...names: Array<FieldPath<F>>): FieldOf<F> {
  return (path) => names.find((n) => path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`));
}

const capitalize = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * Puts a refusal's field violations on the form's fields (focusing the first); returns the failure
 * to show above the form, or null when every violation found its field.
 */
export function applyServerErrors<F extends FieldValues>(
  form: { setError: UseFormSetError<F> },
  failure: ActionFailure,
  fieldOf: FieldOf<F>,
): ActionFailure | null {
  const { fields, unplaced } = fieldErrorsOf(failure, fieldOf);
  const names = Object.keys(fields) as Array<FieldPath<F>>;
  names.forEach((name, i) => form.setError(name, { type: "server", message: fields[name] }, { shouldFocus: i === 0 }));
  return names.length > 0 && unplaced.length === 0 ? null : failure;
}

/**
 * A resolver that checks the form with an API schema: `toInput` builds the request body from the
 * form's values, the schema parses it as the server will, and each issue is placed by `fieldOf`.
 * `check` answers errors of the form's own text that come first (e.g. a field that must be read as
 * JSON before it is part of the body). The form keeps the values as typed; the submit handler
 * builds the body again with `toInput`.
 */
export function apiResolver<F extends FieldValues>(
  schema: ZodType,
  toInput: (values: F) => unknown,
  fieldOf: FieldOf<F>,
  check?: (values: F) => Partial<Record<FieldPath<F>, string>>,
): Resolver<F> {
  return async (values, _context, options) => {
    const messages: Partial<Record<FieldPath<F>, string>> = { ...check?.(values) };
    const parsed = await schema.safeParseAsync(toInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.map(String).join("."));
        if (field && !messages[field]) messages[field] = capitalize(issue.message);
      }
    }
    const entries = Object.entries(messages).filter(([, m]) => m) as Array<[FieldPath<F>, string]>;
    if (entries.length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [name, message] of entries) flat[name] = { type: "validate", message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<F> };
  };
}
