"use client";

// A form field whose value is one of a short list: the Radix select (SelectControl) bound to a
// react-hook-form field, with its label, hint and error from components/field.tsx. An invalid
// field focuses the select's button.

import { useId, type ReactNode } from "react";
import { useController, type Control, type FieldPath, type FieldPathValue, type FieldValues } from "react-hook-form";
import { Field, controlProps, fieldIds } from "./field";
import { SelectControl, type SelectOption } from "./select";

export interface SelectFieldProps<T extends FieldValues, V extends string | number, N extends FieldPath<T> = FieldPath<T>> {
  control: Control<T>;
  name: N;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly SelectOption<V>[];
  /** Called after the field takes a new value (e.g. to clear a field that depends on it). */
  onValueChange?: (value: V) => void;
  disabled?: boolean;
  /** The option a value shows, where the field holds more than the option (a data policy of a region). */
  read?: (value: FieldPathValue<T, N>) => V;
  /** The value an option stands for, the other way round. */
  write?: (option: V) => FieldPathValue<T, N>;
  /** The error to show instead of the field's own, e.g. one of a part of it (`data_policy.group`). */
  error?: string;
}

export function SelectField<T extends FieldValues, V extends string | number, N extends FieldPath<T> = FieldPath<T>>({
  control,
  name,
  label,
  hint,
  options,
  onValueChange,
  disabled,
  read = (value) => value as V,
  write = (option) => option as FieldPathValue<T, N>,
  error: shownError,
}: SelectFieldProps<T, V, N>) {
  const ids = fieldIds(`${useId()}-select`);
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  const error = shownError ?? fieldState.error?.message;
  return (
    <Field ids={ids} label={label} hint={hint} error={error}>
      <SelectControl
        {...controlProps(ids, { hint: Boolean(hint), error })}
        ref={ref}
        value={read(value)}
        options={options}
        onChange={(next) => {
          onChange(write(next));
          onValueChange?.(next);
        }}
        onBlur={onBlur}
        disabled={disabled}
        className="h-10 w-full"
      />
    </Field>
  );
}
