// The one text check every string of every input passes (bodies, query parameters, path ids,
// filters, headers): text is stored exactly as sent or refused, never repaired. PostgreSQL refuses
// NUL in text and lone surrogates in JSONB, so without this they fail as 500s deep in a write; a
// lone surrogate written to a text column comes back as U+FFFD (not what was sent); bidi overrides
// make a title read differently from what it is (Trojan Source). Client-safe: no server imports.

import { z } from "zod";

export interface TextRules {
  /** The field holds multi-line text (a description, a comment): tab, newline and CR are allowed. */
  multiline?: boolean;
}

// C0 controls, DEL and the C1 controls. The multi-line set leaves out \t \n \r.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// With the u flag a well-formed pair is one code point outside this range: only lone halves match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why `s` is not acceptable text (a phrase that follows the field's name), or undefined when it is. */
export function textProblem(s: string, rules: TextRules = {}): string | undefined {
  const control = (rules.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).exec(s);
  if (control) {
    const allowed = rules.multiline ? " (only tab and newline are allowed)" : "";
    return `must not contain the control character ${codePoint(control[0])} (at position ${control.index + 1})${allowed}`;
  }
  const surrogate = LONE_SURROGATE.exec(s);
  if (surrogate) return `must be well-formed Unicode: it holds an unpaired UTF-16 surrogate ${codePoint(surrogate[0])} (at position ${surrogate.index + 1})`;
  const bidi = BIDI_CONTROL.exec(s);
  if (bidi) return `must not contain the bidirectional control character ${codePoint(bidi[0])} (at position ${bidi.index + 1})`;
  return undefined;
}

/**
 * A string input that passes `textProblem`; further checks (trim, length, patterns) chain on it.
 * `field` names the field in messages; the violation's path comes from where the schema sits.
 */
export function text(field: string, rules: TextRules = {}) {
  return z.string({ error: `${field} must be a string` }).check((ctx) => {
    const problem = textProblem(ctx.value, rules);
    if (problem) ctx.issues.push({ code: "custom", message: `${field} ${problem}`, input: ctx.value, continue: false });
  });
}

/** Multi-line text: description, comment. */
export const multilineText = (field: string) => text(field, { multiline: true });
