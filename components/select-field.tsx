"use client";

// A form field holding a Radix select (SelectControl) for react-hook-form: the label, hint and
// error come from field.tsx, the value goes through a Controller, and the trigger is the field's
// ref, so an invalid field takes focus like any input.

import type { ReactNode } from "react";
import { Controller, type Control, type FieldPath, type FieldPathValue, type FieldValues } from "react-hook-form";
import { Field, controlProps, type FieldIds } from "./field";
import { SelectControl, type SelectOption } from "./select";

export interface SelectFieldProps<T extends FieldValues, N extends FieldPath<T>, V extends string> {
  control: Control<T>;
  name: N;
  ids: FieldIds;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly SelectOption<V>[];
  /** The option a value shows, where the field holds more than the option (a policy of a region). */
  read?: (value: FieldPathValue<T, N>) => V;
  /** The value an option stands for, the other way round. */
  write?: (option: V) => FieldPathValue<T, N>;
}

export function SelectField<T extends FieldValues, N extends FieldPath<T>, V extends string>({
  control,
  name,
  ids,
  label,
  hint,
  error,
  options,
  read = (value) => value as V,
  write = (option) => option as FieldPathValue<T, N>,
}: SelectFieldProps<T, N, V>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field ids={ids} label={label} hint={hint} error={error}>
          <SelectControl
            {...controlProps(ids, { hint: Boolean(hint), error })}
            ref={field.ref}
            value={read(field.value)}
            options={options}
            onChange={(option) => field.onChange(write(option))}
            onBlur={field.onBlur}
            className="w-full"
          />
        </Field>
      )}
    />
  );
}
