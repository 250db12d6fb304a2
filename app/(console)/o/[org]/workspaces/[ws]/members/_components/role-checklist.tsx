"use client";

// The workspace's roles as a group of checkboxes (a multi-select that needs no popup). A role the
// user cannot grant, or cannot take away, stays listed but disabled, with the reason under it.

import { useId, type Ref } from "react";
import { Controller, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { grantRefusal } from "@/lib/console/role-grants";
import type { RoleOutput } from "@/lib/schemas/roles";

export interface RoleChecklistProps {
  legend: string;
  roles: RoleOutput[];
  value: string[];
  onChange: (next: string[]) => void;
  /** The signed-in user's permissions. */
  held: ReadonlySet<string>;
  /** Roles the member already holds: keeping them grants nothing, so they stay selectable. */
  alreadyHeld?: readonly string[];
  /** Roles that cannot be unchecked, with the reason (e.g. the last admin's workspace-admin). */
  locked?: Readonly<Record<string, string>>;
  error?: string;
  disabled?: boolean;
  /** react-hook-form's field ref: on an error the group takes focus, its legend and error are read. */
  fieldRef?: Ref<HTMLFieldSetElement>;
}

export function RoleChecklist({ legend, roles, value, onChange, held, alreadyHeld = [], locked = {}, error, disabled, fieldRef }: RoleChecklistProps) {
  const uid = useId();
  const errorId = `${uid}-error`;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset ref={fieldRef} tabIndex={fieldRef ? -1 : undefined} aria-describedby={error ? errorId : undefined} disabled={disabled} className="outline-none">
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <ul className="divide-y divide-border rounded-lg border border-border">
        {roles.map((role) => {
          const checked = value.includes(role.role_id);
          const refusal = alreadyHeld.includes(role.role_id) ? "" : grantRefusal(held, role);
          const lockReason = checked ? (locked[role.role_id] ?? "") : "";
          const reason = !checked && refusal ? refusal : lockReason;
          const id = `${uid}-${role.role_id}`;
          const reasonId = `${id}-reason`;
          return (
            <li key={role.role_id} className="flex items-start gap-3 px-3 py-2.5">
              <input
                id={id}
                type="checkbox"
                checked={checked}
                disabled={Boolean(reason)}
                aria-describedby={reason ? reasonId : `${id}-desc`}
                onChange={(e) => toggle(role.role_id, e.target.checked)}
                className="mt-0.5 size-4 shrink-0 accent-[var(--accent)] disabled:cursor-not-allowed"
              />
              <div className="min-w-0 text-sm">
                <label htmlFor={id} className={`font-medium ${reason ? "text-muted" : ""}`}>
                  {role.title}
                  {role.built_in ? null : <span className="ml-1.5 text-xs font-normal text-muted">(custom)</span>}
                </label>
                {role.description ? (
                  <p id={`${id}-desc`} className="text-xs text-muted">
                    {role.description}
                  </p>
                ) : null}
                {reason ? (
                  <p id={reasonId} className="mt-0.5 text-xs text-amber-800 dark:text-amber-200">
                    {reason}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export type RoleChecklistFieldProps<T extends FieldValues> = Omit<RoleChecklistProps, "value" | "onChange" | "fieldRef"> & {
  control: Control<T>;
  /** The form's field holding the chosen role ids. */
  name: FieldPath<T>;
};

/** The checklist as a react-hook-form field: it holds the field's role ids and takes focus when the field is invalid. */
export function RoleChecklistField<T extends FieldValues>({ control, name, ...rest }: RoleChecklistFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => <RoleChecklist {...rest} fieldRef={field.ref} value={field.value} onChange={field.onChange} />}
    />
  );
}
