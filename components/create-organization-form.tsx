"use client";

// The new organization's name, checked with the API's own schema (OrganizationCreateInput) and
// worded as the form labels it: the API calls the field "title", the user sees "Organization name".

import { useId, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { ORGANIZATION_LABELS } from "@/lib/console/form-labels";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { ActionErrorAlert, UNREACHABLE } from "./action-error";
import { CharacterCount } from "./character-count";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import { SubmitButton } from "./submit-button";

export type CreateOrganizationState = ActionOutcome<unknown> | null;

export interface CreateOrganizationFormProps {
  /** A server action; on success it navigates to the new organization. */
  action: (state: CreateOrganizationState, form: FormData) => Promise<CreateOrganizationState>;
}

const TITLE_MAX = 256;
const resolver = schemaResolver<{ title: string }>(
  () => import("@/lib/schemas/organizations").then((m) => m.OrganizationCreateInput.pick({ title: true })),
  ORGANIZATION_LABELS,
);

export function CreateOrganizationForm({ action }: CreateOrganizationFormProps) {
  const ids = fieldIds(`${useId()}-org-title`);
  const form = useForm<{ title: string }>({ defaultValues: { title: "" }, resolver });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const title = useWatch({ control: form.control, name: "title" });
  const error = form.formState.errors.title?.message;

  const submit = form.handleSubmit((values) => {
    setFailure(null);
    const data = new FormData();
    data.set("title", values.title);
    // In a transition, so the action's redirect to the new organization is a client navigation.
    startTransition(async () => {
      const result = await action(null, data).catch(() => null);
      if (!result) setFailure(UNREACHABLE);
      else if (!result.ok) setFailure(applyServerErrors(form, result.error, { labels: ORGANIZATION_LABELS }));
    });
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids} label={ORGANIZATION_LABELS.title} error={error} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        <input
          {...controlProps(ids, { error, hint: true })}
          {...form.register("title")}
          required
          maxLength={TITLE_MAX}
          autoComplete="organization"
          placeholder="Acme Inc"
          className={inputClass}
        />
      </Field>
      <SubmitButton pending={pending} className="w-full sm:w-auto">
        Create organization
      </SubmitButton>
    </form>
  );
}
