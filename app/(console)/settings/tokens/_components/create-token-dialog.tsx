"use client";

// New personal access token: name, expiry, organization, workspace scope and access, checked
// with the API's own schema before sending. The created token is shown once, with a copy button,
// and the dialog says plainly that it cannot be shown again.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { CopyField } from "@/components/copy-field";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { DialogFooter } from "@/components/form-dialog";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { apiFetch } from "@/lib/console/api-fetch";
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

const FIELD_OF: Record<string, string> = {
  display_name: "display_name",
  organization_id: "organization_id",
  expire_time: "expire_time",
  workspace_ids: "workspace_ids",
  access: "access",
};

function TokenForm({ organizations, onCreated }: { organizations: OrganizationChoice[]; onCreated: (t: CreatedTokenOutput) => void }) {
  const uid = useId();
  const [name, setName] = useState("");
  const [orgId, setOrgId] = useState(organizations[0]?.id ?? "");
  const [expiry, setExpiry] = useState<Expiry>("90");
  const [customDate, setCustomDate] = useState("");
  const [limitWorkspaces, setLimitWorkspaces] = useState(false);
  const [workspaceIds, setWorkspaceIds] = useState<string[]>([]);
  const [access, setAccess] = useState<"FULL" | "READ_ONLY">("READ_ONLY");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();

  const workspaces = useQuery({
    queryKey: tokenKeys.workspaces(orgId),
    queryFn: ({ signal }) =>
      apiFetch<{ user_workspaces: Array<{ workspace_id: string; title: string }> }>(
        `/me/organizations/${encodeURIComponent(orgId)}/workspaces?page_size=1000`,
        { signal },
      ),
    enabled: limitWorkspaces && orgId !== "",
  });

  const create = useMutation({
    mutationFn: (body: unknown) => createTokenAction(body),
    onSuccess: async (result) => {
      if (!result.ok) {
        const { fields, unplaced } = fieldErrorsOf(result.error, (p) => FIELD_OF[p.split(/[.[]/)[0]]);
        setErrors(fields);
        setFailure(Object.keys(fields).length && unplaced.length === 0 ? null : result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
      onCreated(result.data);
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const submit = () => {
    setFailure(null);
    const expireTime = expireTimeOf(expiry, customDate);
    const body = {
      display_name: name,
      organization_id: orgId,
      access,
      workspace_ids: limitWorkspaces ? workspaceIds : [],
      ...(expireTime === undefined ? {} : { expire_time: expireTime }),
    };
    const next: Record<string, string> = {};
    if (expiry === "custom" && expireTime === undefined) next.expire_time = "Choose the day the token stops working";
    else if (expireTime && new Date(expireTime) <= new Date()) next.expire_time = "The expiry must be in the future";
    if (limitWorkspaces && workspaceIds.length === 0) next.workspace_ids = "Choose at least one workspace, or allow all";
    const parsed = TokenCreateInput.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF[String(issue.path[0] ?? "")];
        if (field && !next[field]) next[field] = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      }
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    create.mutate(body);
  };

  const nameIds = fieldIds(`${uid}-name`);
  const orgIds = fieldIds(`${uid}-org`);
  const expiryIds = fieldIds(`${uid}-expiry`);
  const dateIds = fieldIds(`${uid}-date`);
  const today = new Date().toISOString().slice(0, 10);

  return (
    <form
      noValidate
      className="flex flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <Field ids={nameIds} label="Name" hint="What uses it, e.g. “CI deploys”." error={errors.display_name}>
          <input
            {...controlProps(nameIds, { hint: true, error: errors.display_name })}
            className={inputClass}
            value={name}
            maxLength={128}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field ids={orgIds} label="Organization" error={errors.organization_id}>
          <select
            {...controlProps(orgIds, { error: errors.organization_id })}
            className={inputClass}
            value={orgId}
            onChange={(e) => {
              setOrgId(e.target.value);
              setWorkspaceIds([]);
            }}
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </Field>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Workspaces</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${uid}-scope`} checked={!limitWorkspaces} onChange={() => setLimitWorkspaces(false)} />
            Every workspace I can reach in this organization
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name={`${uid}-scope`} checked={limitWorkspaces} onChange={() => setLimitWorkspaces(true)} />
            Only the workspaces chosen here
          </label>
          {limitWorkspaces ? (
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
                    <input
                      type="checkbox"
                      checked={workspaceIds.includes(w.workspace_id)}
                      onChange={(e) =>
                        setWorkspaceIds((ids) => (e.target.checked ? [...ids, w.workspace_id] : ids.filter((id) => id !== w.workspace_id)))
                      }
                    />
                    <span className="truncate" title={w.title}>
                      {w.title}
                    </span>
                  </label>
                ))
              )}
            </div>
          ) : null}
          <FieldError id={`${uid}-ws-error`} message={errors.workspace_ids} />
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Access</legend>
          <label className="flex items-start gap-2 text-sm">
            <input className="mt-1" type="radio" name={`${uid}-access`} checked={access === "READ_ONLY"} onChange={() => setAccess("READ_ONLY")} />
            <span>
              Read-only <span className="text-muted">— can read, every change is refused</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input className="mt-1" type="radio" name={`${uid}-access`} checked={access === "FULL"} onChange={() => setAccess("FULL")} />
            <span>
              Full <span className="text-muted">— can do whatever you can, within the scope above</span>
            </span>
          </label>
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <Field ids={expiryIds} label="Expires" error={expiry === "custom" ? undefined : errors.expire_time}>
            <select
              {...controlProps(expiryIds, { error: expiry === "custom" ? undefined : errors.expire_time })}
              className={inputClass}
              value={expiry}
              onChange={(e) => setExpiry(e.target.value as Expiry)}
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
          {expiry === "custom" ? (
            <Field ids={dateIds} label="Last day" error={errors.expire_time}>
              <input
                {...controlProps(dateIds, { error: errors.expire_time })}
                type="date"
                min={today}
                className={inputClass}
                value={customDate}
                onChange={(e) => setCustomDate(e.target.value)}
              />
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
