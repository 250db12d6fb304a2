"use client";

// The fields of a new account that the sign-up forms share (on /signup and on an invitation's
// page): the name and a new password with its rule and the show-password toggle, bound to a
// react-hook-form over the API's UserCreateInput field names.

import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import { PasswordInput } from "./password-input";
import { USER_LABELS } from "@/lib/console/form-labels";

type AccountValues = FieldValues & { display_name: string; password: string };

export function DisplayNameField<T extends AccountValues>({ form, id }: { form: UseFormReturn<T>; id: string }) {
  const ids = fieldIds(id);
  const error = form.formState.errors.display_name?.message as string | undefined;
  return (
    <Field ids={ids} label={USER_LABELS.display_name} error={error}>
      <input {...controlProps(ids, { error })} {...form.register("display_name" as Path<T>)} autoComplete="name" maxLength={256} required autoFocus className={inputClass} />
    </Field>
  );
}

export function NewPasswordField<T extends AccountValues>({ form, id, rule }: { form: UseFormReturn<T>; id: string; rule: string }) {
  const ids = fieldIds(id);
  const error = form.formState.errors.password?.message as string | undefined;
  return (
    <Field ids={ids} label="Password" hint={rule} error={error}>
      <PasswordInput {...controlProps(ids, { hint: true, error })} {...form.register("password" as Path<T>)} id={ids.id} autoComplete="new-password" required />
    </Field>
  );
}
