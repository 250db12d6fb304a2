"use client";

// The signed-out pages that ask for one thing (an email for a reset link, a new password) share
// this form: react-hook-form over a zod schema for the field, the server's refusal above it, a
// field violation from the server shown on the field, and a submit button that waits for
// hydration (a click before it would post the page).

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useSyncExternalStore } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z, type ZodType } from "zod";
import { ActionErrorAlert, UNREACHABLE } from "./action-error";
import { Button, Spinner } from "./button";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import type { ActionFailure } from "@/lib/console/action-result";

const noSubscribe = () => () => {};

export interface SingleFieldFormProps {
  /** The field's name, as the server's field violations name it ("email", "password"). */
  name: string;
  label: string;
  hint?: string;
  type: "email" | "password";
  autoComplete: string;
  /** Checks the value before anything is sent; its messages are shown on the field. */
  schema: ZodType<string, string>;
  submitLabel: string;
  pendingLabel: string;
  /**
   * Sends the value. Answer a failure to show (a violation of `name` goes on the field) or
   * nothing once the page has moved on; a thrown error is shown as "could not be reached".
   */
  onSubmit: (value: string) => Promise<ActionFailure | void>;
}

export function SingleFieldForm({ name, label, hint, type, autoComplete, schema, submitLabel, pendingLabel, onSubmit }: SingleFieldFormProps) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const ids = fieldIds(`single-${name}`);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  // Keyed by the real name, so the input is named as browsers and password managers expect.
  const form = useForm<Record<string, string>>({
    defaultValues: { [name]: "" },
    resolver: zodResolver(z.object({ [name]: schema }), undefined, { raw: true }) as unknown as Resolver<Record<string, string>>,
  });
  const error = form.formState.errors[name]?.message;
  const pending = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    const value = values[name] ?? "";
    setFailure(null);
    let result: ActionFailure | void;
    try {
      result = await onSubmit(value);
    } catch {
      result = UNREACHABLE;
    }
    if (!result) return;
    const violation = result.fieldViolations.find((v) => v.field === name);
    if (violation) form.setError(name, { message: violation.description.charAt(0).toUpperCase() + violation.description.slice(1) }, { shouldFocus: true });
    else setFailure(result);
  });

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids} label={label} hint={hint} error={error}>
        <input
          {...controlProps(ids, { hint: Boolean(hint), error })}
          {...form.register(name)}
          type={type}
          inputMode={type === "email" ? "email" : undefined}
          autoComplete={autoComplete}
          required
          autoFocus
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            {pendingLabel}
          </>
        ) : (
          submitLabel
        )}
      </Button>
    </form>
  );
}
