// Form field scaffolding: a label tied to its control, an optional hint, and an error message
// that the control references through aria-describedby and announces with aria-invalid.

import type { ReactNode } from "react";

export { inputClass } from "./input-class";

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
}

export function fieldIds(id: string): FieldIds {
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

/** Props to spread on the control: its id, aria-invalid and aria-describedby. */
export function controlProps(ids: FieldIds, opts: { hint?: boolean; error?: string }) {
  const describedBy = [opts.hint ? ids.hintId : "", opts.error ? ids.errorId : ""].filter(Boolean).join(" ");
  return {
    id: ids.id,
    "aria-invalid": opts.error ? (true as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export interface FieldProps {
  ids: FieldIds;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label, e.g. "(optional)". */
  labelNote?: ReactNode;
  children: ReactNode;
}

export function Field({ ids, label, hint, error, labelNote, children }: FieldProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={ids.id} className="block text-sm font-medium">
        {label}
        {labelNote ? <span className="ml-1 font-normal text-muted">{labelNote}</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={ids.hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={ids.errorId} message={error} />
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm text-danger">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0" fill="currentColor">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3.5h1.5v4.5h-1.5V4.5Zm0 6h1.5V12h-1.5v-1.5Z" />
      </svg>
      <span>{message}</span>
    </p>
  );
}
