"use client";

import { useActionState, useId } from "react";
import type { ActionOutcome } from "@/lib/console/action-result";
import { Button, Spinner } from "./button";
import { Field, controlProps, fieldIds, inputClass } from "./field";

export type CreateOrganizationState = ActionOutcome<unknown> | null;

export interface CreateOrganizationFormProps {
  /** A server action; on success it navigates to the new organization. */
  action: (state: CreateOrganizationState, form: FormData) => Promise<CreateOrganizationState>;
}

export function CreateOrganizationForm({ action }: CreateOrganizationFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const ids = fieldIds(`${useId()}-org-title`);
  const failure = state && !state.ok ? state.error : undefined;
  // The API calls the field "title"; this form calls it the organization's name.
  const titleError = failure?.fieldViolations
    .find((v) => v.field === "title")
    ?.description.replace(/^title\b/, "Name");
  const formError = failure && !titleError ? failure : undefined;

  return (
    <form action={formAction} className="space-y-4">
      <Field ids={ids} label="Organization name" error={titleError}>
        <input
          {...controlProps(ids, { error: titleError })}
          name="title"
          required
          maxLength={256}
          autoComplete="organization"
          placeholder="Acme Inc"
          className={inputClass}
        />
      </Field>
      {formError ? (
        <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
          <p className="text-danger">{formError.message}</p>
          {formError.requestId ? <p className="mt-1 text-xs text-muted">Request ID: <code className="font-mono">{formError.requestId}</code></p> : null}
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? <Spinner /> : null}
        Create organization
      </Button>
    </form>
  );
}
