"use client";

// The signed-out pages that ask for one thing (an email for a reset link, a new password) share
// this form: react-hook-form over a zod schema for the field, the server's refusal above it, a
// field violation from the server shown on the field, and a submit button that waits for
// hydration (a click before it would post the page).

import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "./action-error";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import { PasswordInput } from "./password-input";
import { SubmitButton } from "./submit-button";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver, type SchemaSource } from "@/lib/console/form-errors";

export interface SingleFieldFormProps {
  /** The field's name, as the server's field violations name it ("email", "password"). */
  name: string;
  label: string;
  hint?: string;
  type: "email" | "password";
  autoComplete: string;
  /**
   * The API's schema for the one field, as an object schema (e.g. `UserInput.pick({ email: true })`),
   * or its loader; its messages are shown on the field, worded with the label.
   */
  schema: SchemaSource;
  submitLabel: string;
  pendingLabel: string;
  /**
   * Sends the value. Answer a failure to show (a violation of `name` goes on the field) or
   * nothing once the page has moved on; a thrown error is shown as "could not be reached".
   */
  onSubmit: (value: string) => Promise<ActionFailure | void>;
}

export function SingleFieldForm({ name, label, hint, type, autoComplete, schema, submitLabel, pendingLabel, onSubmit }: SingleFieldFormProps) {
  const ids = fieldIds(`single-${name}`);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const labels = { [name]: label };
  // Keyed by the real name, so the input is named as browsers and password managers expect.
  const [resolver] = useState(() => schemaResolver<Record<string, string>>(schema, labels));
  const form = useForm<Record<string, string>>({ defaultValues: { [name]: "" }, resolver });
  const error = form.formState.errors[name]?.message;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    let result: ActionFailure | void;
    try {
      result = await onSubmit(values[name] ?? "");
    } catch {
      result = UNREACHABLE;
    }
    if (result) setFailure(applyServerErrors(form, result, { labels }));
  });

  const control = {
    ...controlProps(ids, { hint: Boolean(hint), error }),
    ...form.register(name),
    autoComplete,
    required: true,
    autoFocus: true,
  };
  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids} label={label} hint={hint} error={error}>
        {type === "password" ? <PasswordInput {...control} id={ids.id} /> : <input {...control} type="email" inputMode="email" className={inputClass} />}
      </Field>
      <SubmitButton pending={form.formState.isSubmitting} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
