"use client";

// A form field whose value is one of a short list: the Radix select (SelectControl) bound to a
// react-hook-form field, with its label, hint and error from components/field.tsx. An invalid
// field focuses the select's button.

import { useId, type ReactNode } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { Field, controlProps, fieldIds } from "./field";
import { SelectControl, type SelectOption } from "./select";

export interface SelectFieldProps<T extends FieldValues, V extends string | number> {
  control: Control<T>;
  name: FieldPath<T>;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly SelectOption<V>[];
  /** Called after the field takes a new value (e.g. to clear a field that depends on it). */
  onValueChange?: (value: V) => void;
  disabled?: boolean;
}

export function SelectField<T extends FieldValues, V extends string | number>({ control, name, label, hint, options, onValueChange, disabled }: SelectFieldProps<T, V>) {
  const ids = fieldIds(`${useId()}-select`);
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  const error = fieldState.error?.message;
  return (
    <Field ids={ids} label={label} hint={hint} error={error}>
      <SelectControl
        {...controlProps(ids, { hint: Boolean(hint), error })}
        ref={ref}
        value={value as V}
        options={options}
        onChange={(next) => {
          onChange(next);
          onValueChange?.(next);
        }}
        onBlur={onBlur}
        disabled={disabled}
        className="h-10 w-full"
      />
    </Field>
  );
}
