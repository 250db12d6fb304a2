"use client";

// New personal access token: name, expiry, organization, workspace scope and access. A
// react-hook-form whose resolver turns the choices into the API's body and checks it with the
// API's own TokenCreateInput, so the browser refuses what the server would, and the server's
// field violations land on the fields they name. The created token is shown once, with a copy
// button, and the dialog says plainly that it cannot be shown again.

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { ActionErrorAlert } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { CharacterCount } from "@/components/character-count";
import { CopyField } from "@/components/copy-field";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { DialogFooter } from "@/components/form-dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { SelectField } from "@/components/select-field";
import { useActionMutation } from "@/components/use-action-mutation";
import { apiFetch } from "@/lib/console/api-fetch";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { tokenKeys } from "@/lib/console/query-keys";
import { TokenCreateInput, type CreatedTokenOutput } from "@/lib/schemas/tokens";
import { createTokenAction } from "../actions";
import type { OrganizationChoice } from "./tokens-view";

export interface CreateTokenDialogProps {
  open: boolean;
  organizations: OrganizationChoice[];
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: () => void;
}

export function CreateTokenDialog({ open, organizations, onOpenChange, onCloseAutoFocus }: CreateTokenDialogProps) {
  const [created, setCreated] = useState<CreatedTokenOutput | null>(null);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) setCreated(null);
        onOpenChange(o);
      }}
    >
      {open ? (
        <DialogContent
          title={created ? "Copy your new token" : "New personal access token"}
          description={created ? undefined : "The token acts as you, within the limits chosen here."}
          width="max-w-xl"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onCloseAutoFocus();
          }}
        >
          {created ? <ShownOnce created={created} /> : <TokenForm organizations={organizations} onCreated={setCreated} />}
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "custom", label: "On a date…" },
  { value: "never", label: "Never" },
] as const;

type Expiry = (typeof EXPIRY_CHOICES)[number]["value"];

function expireTimeOf(expiry: Expiry, customDate: string): string | null | undefined {
  if (expiry === "never") return null;
  if (expiry === "custom") {
    if (!customDate) return undefined;
    // The end of the chosen day in the user's zone.
    const end = new Date(`${customDate}T23:59:59`);
    return Number.isNaN(end.getTime()) ? undefined : end.toISOString();
  }
  return new Date(Date.now() + Number(expiry) * 86_400_000).toISOString();
}

interface TokenFormValues {
  display_name: string;
  organization_id: string;
  expiry: Expiry;
  /** The last day, when the expiry is "On a date…". */
  expire_date: string;
  scope: "all" | "chosen";
  workspace_ids: string[];
  access: "FULL" | "READ_ONLY";
}

const NAME_MAX = 128;
const LABELS = { display_name: "Name", organization_id: "Organization", expire_time: "Expiry", workspace_ids: "Workspaces", access: "Access" } as const;

/** The API's body for the form's values. */
function bodyOf(v: TokenFormValues) {
  const expireTime = expireTimeOf(v.expiry, v.expire_date);
  return {
    display_name: v.display_name,
    organization_id: v.organization_id,
    access: v.access,
    workspace_ids: v.scope === "chosen" ? v.workspace_ids : [],
    ...(expireTime === undefined ? {} : { expire_time: expireTime }),
  };
}

/** The form field that shows a violation of an API path. */
function fieldOf(values: TokenFormValues, path: string): keyof TokenFormValues | undefined {
  const top = path.split(/[.[]/)[0];
  if (top === "expire_time") return values.expiry === "custom" ? "expire_date" : "expiry";
  return (["display_name", "organization_id", "workspace_ids", "access"] as const).find((f) => f === top);
}

const apiResolver = schemaResolver<ReturnType<typeof bodyOf>>(TokenCreateInput, LABELS);

/** The choices only the form has (a day, some workspaces), then the API's own schema on the body. */
const resolver: Resolver<TokenFormValues> = async (values, context, options) => {
  const errors: FieldErrors<TokenFormValues> = {};
  const expireTime = expireTimeOf(values.expiry, values.expire_date);
  if (values.expiry === "custom" && expireTime === undefined) errors.expire_date = { type: "required", message: "Choose the day the token stops working" };
  else if (expireTime && new Date(expireTime) <= new Date()) errors[values.expiry === "custom" ? "expire_date" : "expiry"] = { type: "min", message: "The expiry must be in the future" };
  if (values.scope === "chosen" && values.workspace_ids.length === 0) errors.workspace_ids = { type: "required", message: "Choose at least one workspace, or allow all" };
  const api = await apiResolver(bodyOf(values), context, { ...options, names: undefined, fields: {} });
  for (const [path, error] of Object.entries(api.errors)) {
    const field = fieldOf(values, path);
    if (field && !errors[field]) Object.assign(errors, { [field]: error });
  }
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

function TokenForm({ organizations, onCreated }: { organizations: OrganizationChoice[]; onCreated: (t: CreatedTokenOutput) => void }) {
  const uid = useId();
  const form = useForm<TokenFormValues>({
    defaultValues: { display_name: "", organization_id: organizations[0]?.id ?? "", expiry: "90", expire_date: "", scope: "all", workspace_ids: [], access: "READ_ONLY" },
    resolver,
  });
  const [name, orgId, scope, expiry] = useWatch({ control: form.control, name: ["display_name", "organization_id", "scope", "expiry"] });
  const errors = form.formState.errors;
  const queryClient = useQueryClient();

  const workspaces = useQuery({
    queryKey: tokenKeys.workspaces(orgId),
    queryFn: ({ signal }) =>
      apiFetch<{ user_workspaces: Array<{ workspace_id: string; title: string }> }>(
        `/me/organizations/${encodeURIComponent(orgId)}/workspaces?page_size=1000`,
        { signal },
      ),
    enabled: scope === "chosen" && orgId !== "",
  });

  const { mutation: create, failure, setFailure } = useActionMutation((values: TokenFormValues) => createTokenAction(bodyOf(values)), {
    onOk: async (data) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
      onCreated(data);
    },
    onRefused: (refusal) => applyServerErrors(form, refusal, { labels: LABELS, fieldOf: (p) => fieldOf(form.getValues(), p) }),
  });

  const nameIds = fieldIds(`${uid}-name`);
  const dateIds = fieldIds(`${uid}-date`);
  const wsErrorId = `${uid}-ws-error`;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form
      noValidate
      className="flex flex-col"
      onSubmit={(e) => {
        setFailure(null);
        void form.handleSubmit((values) => create.mutate(values))(e);
      }}
    >
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <Field
          ids={nameIds}
          label={LABELS.display_name}
          hint={
            <>
              What uses it, e.g. “CI deploys”. <CharacterCount value={name} max={NAME_MAX} />
            </>
          }
          error={errors.display_name?.message}
        >
          <input
            {...controlProps(nameIds, { hint: true, error: errors.display_name?.message })}
            {...form.register("display_name")}
            className={inputClass}
            maxLength={NAME_MAX}
            autoComplete="off"
          />
        </Field>
        <SelectField
          control={form.control}
          name="organization_id"
          label={LABELS.organization_id}
          options={organizations.map((o) => ({ value: o.id, label: o.title }))}
          onValueChange={() => form.setValue("workspace_ids", [])}
        />

        <fieldset className="space-y-2" aria-describedby={errors.workspace_ids ? wsErrorId : undefined}>
          <legend className="text-sm font-medium">{LABELS.workspace_ids}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="all" {...form.register("scope")} />
            Every workspace I can reach in this organization
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="chosen" {...form.register("scope")} />
            Only the workspaces chosen here
          </label>
          {scope === "chosen" ? (
            <div className="ml-6 max-h-48 space-y-1 overflow-y-auto rounded-md border border-border p-2">
              {workspaces.isPending ? (
                <p className="flex items-center gap-2 text-sm text-muted">
                  <Spinner /> Loading workspaces…
                </p>
              ) : workspaces.error ? (
                <p className="text-sm text-danger">The workspaces could not be loaded: {workspaces.error.message}</p>
              ) : workspaces.data.user_workspaces.length === 0 ? (
                <p className="text-sm text-muted">You are in no workspace of this organization.</p>
              ) : (
                workspaces.data.user_workspaces.map((w) => (
                  <label key={w.workspace_id} className="flex min-w-0 items-center gap-2 text-sm">
                    <input type="checkbox" value={w.workspace_id} {...form.register("workspace_ids")} />
                    <span className="truncate" title={w.title}>
                      {w.title}
                    </span>
                  </label>
                ))
              )}
            </div>
          ) : null}
          <FieldError id={wsErrorId} message={errors.workspace_ids?.message} />
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{LABELS.access}</legend>
          <label className="flex items-start gap-2 text-sm">
            <input className="mt-1" type="radio" value="READ_ONLY" {...form.register("access")} />
            <span>
              Read-only <span className="text-muted">— can read, every change is refused</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input className="mt-1" type="radio" value="FULL" {...form.register("access")} />
            <span>
              Full <span className="text-muted">— can do whatever you can, within the scope above</span>
            </span>
          </label>
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField control={form.control} name="expiry" label="Expires" options={EXPIRY_CHOICES} />
          {expiry === "custom" ? (
            <Field ids={dateIds} label="Last day" error={errors.expire_date?.message}>
              <input {...controlProps(dateIds, { error: errors.expire_date?.message })} {...form.register("expire_date")} type="date" min={today} className={inputClass} />
            </Field>
          ) : null}
        </div>
        {expiry === "never" ? (
          <p role="note" className="text-sm text-muted">
            A token that never expires keeps working until you revoke it. Prefer an expiry for anything automated.
          </p>
        ) : null}
      </div>
      <DialogFooter submitLabel="Create token" pending={create.isPending} />
    </form>
  );
}

function ShownOnce({ created }: { created: CreatedTokenOutput }) {
  return (
    <div className="flex flex-col">
      <div className="space-y-4 px-5 py-5">
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
          This is the only time the token is shown. Copy it now and keep it somewhere safe: it is stored only as a hash and cannot be shown again.
        </div>
        <CopyField label={`Token “${created.display_name}”`} value={created.token} noun="token" testId="created-token" />
      </div>
      <div className="flex justify-end border-t border-border px-5 py-4">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
