"use client";

// The workspace's editable fields, shared by the New workspace dialog and the General tab:
// title, description, icon, color, and the data region (create) or domain (edit). The form is a
// react-hook-form over the API's own shape, so the shared zod schemas (WorkspaceCreateInput,
// WorkspaceUpdateInput) validate it in the browser exactly as the server will, and a server
// field violation ("configuration.domain") lands on the field of the same name.

import dynamic from "next/dynamic";
import { useId } from "react";
import { Controller, useWatch, type FieldPath, type Resolver, type UseFormReturn } from "react-hook-form";
import { CharacterCount } from "./character-count";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import { ColorPicker, IconPicker } from "./icon-color-fields";
import type { SelectField as SelectFieldComponent } from "./select-field";
import { WorkspaceIcon } from "./workspace-icon";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors as applyFieldErrors, schemaMessagesResolver } from "@/lib/console/form-errors";
import { DATA_REGIONS } from "@/lib/schemas/values";
import type { DataPolicy, WorkspaceOutput } from "@/lib/schemas/workspaces";

// The data region is chosen only at create (the New workspace dialog): its Radix select loads with
// that field, so the General tab, which shows the domain instead, does not load it at all.
const SelectField = dynamic(() => import("./select-field").then((m) => m.SelectField), {
  loading: () => <div aria-hidden="true" className="h-[4.75rem]" />,
}) as unknown as typeof SelectFieldComponent;

export const TITLE_MAX = 256;
export const DESCRIPTION_MAX = 1024;

export interface WorkspaceFieldValues {
  title: string;
  description: string;
  workspace_icon: string;
  workspace_icon_color: string;
  configuration: { domain: string };
  data_policy: DataPolicy;
}

export const REGION_LABELS: Record<(typeof DATA_REGIONS)[number], string> = {
  "us-west-2": "United States (us-west-2)",
  "eu-west-1": "European Union (eu-west-1)",
  "ap-south-1": "India (ap-south-1)",
};

const REGION_OPTIONS = DATA_REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }));

export function regionPolicy(region: (typeof DATA_REGIONS)[number]): DataPolicy {
  return { group: region, regions: [{ region, priority: 0 }], pii_strategy: "DEFAULT" };
}

export const NEW_WORKSPACE_VALUES: WorkspaceFieldValues = {
  title: "",
  description: "",
  workspace_icon: "",
  workspace_icon_color: "#4F46E5",
  configuration: { domain: "" },
  data_policy: regionPolicy("us-west-2"),
};

export function valuesOf(ws: WorkspaceOutput): WorkspaceFieldValues {
  return {
    title: ws.title,
    description: ws.description,
    workspace_icon: ws.workspace_icon,
    workspace_icon_color: ws.workspace_icon_color,
    configuration: { domain: ws.configuration.domain },
    data_policy: regionPolicy((DATA_REGIONS as readonly string[]).includes(ws.data_policy.group) ? (ws.data_policy.group as DataPolicy["group"]) : "us-west-2"),
  };
}

// Raw values: the form keeps what the user typed; the server trims and normalises on its own.
const createResolver = schemaMessagesResolver<WorkspaceFieldValues>(() => import("@/lib/schemas/workspaces").then((m) => m.WorkspaceCreateInput));
const updateResolver = schemaMessagesResolver<WorkspaceFieldValues>(() => import("@/lib/schemas/workspaces").then((m) => m.WorkspaceUpdateInput));

/** The resolver for a mode: data_policy is fixed after create, so an edit never validates or sends it. */
export function workspaceResolver(mode: "create" | "edit"): Resolver<WorkspaceFieldValues> {
  if (mode === "create") return createResolver;
  return (values, context, options) => {
    const { data_policy: _fixed, ...editable } = values;
    return updateResolver(editable as WorkspaceFieldValues, context, options);
  };
}

const FIELD_PATHS: ReadonlyArray<FieldPath<WorkspaceFieldValues>> = ["title", "description", "workspace_icon", "workspace_icon_color", "configuration.domain"];

/** The form field a server violation names (its API path), if the form shows one. */
export function workspaceFieldOf(path: string): FieldPath<WorkspaceFieldValues> | undefined {
  if (path.startsWith("data_policy")) return "data_policy";
  return FIELD_PATHS.find((f) => f === path);
}

/**
 * Puts a refusal's field violations on the fields; returns the failure to show above the form
 * (null when every violation found its field).
 */
export function applyServerErrors(form: UseFormReturn<WorkspaceFieldValues>, failure: ActionFailure): ActionFailure | null {
  return applyFieldErrors(form, failure, { fieldOf: workspaceFieldOf });
}

export interface WorkspaceFieldsProps {
  form: UseFormReturn<WorkspaceFieldValues>;
  mode: "create" | "edit";
  /** Nothing can be changed (the caller disables the fieldset): no counters, and empty fields say so. */
  readOnly?: boolean;
  autoFocusTitle?: boolean;
}

export function WorkspaceFields({ form, mode, readOnly = false, autoFocusTitle = false }: WorkspaceFieldsProps) {
  const uid = useId();
  const ids = {
    title: fieldIds(`${uid}-title`),
    description: fieldIds(`${uid}-description`),
    domain: fieldIds(`${uid}-domain`),
    region: fieldIds(`${uid}-region`),
  };
  const { register, control, formState } = form;
  const errors = formState.errors;
  const [title, description, icon, color] = useWatch({ control, name: ["title", "description", "workspace_icon", "workspace_icon_color"] });

  return (
    <>
      <div className="flex items-center gap-3 rounded-lg bg-surface-2 p-3">
        <WorkspaceIcon icon={icon} color={color} title={title || "?"} size="lg" />
        <div className="min-w-0">
          <p className="truncate font-medium" title={title}>
            {title.trim() || "Untitled workspace"}
          </p>
          <p className="text-xs text-muted">Preview</p>
        </div>
      </div>

      <Field ids={ids.title} label="Title" error={errors.title?.message} hint={readOnly ? undefined : <CharacterCount value={title} max={TITLE_MAX} />}>
        <input
          {...controlProps(ids.title, { error: errors.title?.message, hint: !readOnly })}
          {...register("title")}
          required
          maxLength={TITLE_MAX}
          autoComplete="off"
          autoFocus={autoFocusTitle}
          placeholder={mode === "create" ? "e.g. Customer Success" : undefined}
          className={inputClass}
        />
      </Field>

      <Field
        ids={ids.description}
        label="Description"
        labelNote="(optional)"
        error={errors.description?.message}
        hint={readOnly ? undefined : <CharacterCount value={description} max={DESCRIPTION_MAX} />}
      >
        <textarea
          {...controlProps(ids.description, { error: errors.description?.message, hint: !readOnly })}
          {...register("description")}
          rows={3}
          maxLength={DESCRIPTION_MAX}
          placeholder={readOnly ? "No description" : undefined}
          className={`${inputClass} resize-y`}
        />
      </Field>

      <Controller
        control={control}
        name="workspace_icon"
        render={({ field }) => <IconPicker value={field.value} onChange={field.onChange} disabled={readOnly} error={errors.workspace_icon?.message} />}
      />
      <Controller
        control={control}
        name="workspace_icon_color"
        render={({ field }) => <ColorPicker value={field.value} onChange={field.onChange} disabled={readOnly} error={errors.workspace_icon_color?.message} />}
      />

      {mode === "create" ? (
        <SelectField
          control={control}
          name="data_policy"
          label="Data region"
          hint="Where the workspace's data is stored. It cannot be changed after the workspace is created."
          error={errors.data_policy?.message ?? errors.data_policy?.group?.message}
          options={REGION_OPTIONS}
          read={(policy) => policy.group}
          write={regionPolicy}
        />
      ) : (
        <Field
          ids={ids.domain}
          label="Domain"
          labelNote="(optional)"
          hint="When set, invitations to this workspace are limited to email addresses of this domain, e.g. acme.example."
          error={errors.configuration?.domain?.message}
        >
          <input
            {...controlProps(ids.domain, { hint: true, error: errors.configuration?.domain?.message })}
            {...register("configuration.domain")}
            maxLength={253}
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
            placeholder={readOnly ? "None" : "acme.example"}
            className={`${inputClass} font-mono`}
          />
        </Field>
      )}
    </>
  );
}
