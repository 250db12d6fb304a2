"use client";

// Add an OAuth credential (actor type, name, client id, client secret, extra JSON fields), or
// rotate one (a whole new configuration, same id). A react-hook-form checked with the API's own
// schema before sending, and a refusal naming a field (a name already used) is shown under it;
// the secret goes to the server action once and is never shown again.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { CharacterCount } from "@/components/character-count";
import { Dialog, DialogContent } from "@/components/dialog";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { DialogFooter } from "@/components/form-dialog";
import { SelectField } from "@/components/select-field";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, bodyResolver } from "@/lib/console/form-errors";
import { credentialKeys } from "@/lib/console/query-keys";
import type { CredentialOutput } from "@/lib/schemas/credentials";
import { CREDENTIAL_ACTOR_TYPES } from "@/lib/schemas/values";
import { createCredentialAction, rotateCredentialAction } from "../actions";

const NAME_MAX = 128;

export type CredentialFormMode = { kind: "add" } | { kind: "rotate"; credential: CredentialOutput };

export interface CredentialFormDialogProps {
  org: string;
  ws: string;
  mode: CredentialFormMode | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: () => void;
}

export function CredentialFormDialog({ org, ws, mode, onOpenChange, onCloseAutoFocus }: CredentialFormDialogProps) {
  return (
    <Dialog open={mode !== null} onOpenChange={onOpenChange}>
      {mode ? (
        <DialogContent
          title={mode.kind === "add" ? "Add OAuth credential" : `Rotate “${mode.credential.name}”`}
          description={
            mode.kind === "add"
              ? "The configuration is encrypted before it is stored; secrets are shown masked from now on."
              : "The new configuration replaces the whole old one; the credential keeps its id."
          }
          width="max-w-xl"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onCloseAutoFocus();
          }}
        >
          <CredentialForm key={mode.kind === "add" ? "add" : mode.credential.credential_id} org={org} ws={ws} mode={mode} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

interface CredentialValues {
  actor_type: string;
  name: string;
  client_id: string;
  client_secret: string;
  /** Further configuration fields, as a JSON object's text. */
  extra: string;
}

const ACTOR_OPTIONS = CREDENTIAL_ACTOR_TYPES.map((value) => ({ value: value as string, label: value }));

/** Where a field violation of the API belongs in this form. */
function fieldOf(path: string): FieldPath<CredentialValues> | undefined {
  if (path === "actor_type" || path === "name") return path;
  if (path === "configuration.client_id") return "client_id";
  if (path === "configuration.client_secret") return "client_secret";
  if (path.startsWith("configuration")) return "extra";
  return undefined;
}

/** The extra fields' text read as an object, or why it cannot be. */
function readExtra(extra: string): { fields: Record<string, unknown>; error?: string } {
  if (!extra.trim()) return { fields: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(extra);
  } catch (e) {
    return { fields: {}, error: `Extra fields are not valid JSON: ${(e as Error).message}` };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { fields: {}, error: 'Extra fields must be a JSON object, e.g. {"token_url": "https://…"}' };
  if ("client_id" in parsed || "client_secret" in parsed) return { fields: {}, error: "Client id and secret have their own fields above" };
  return { fields: parsed as Record<string, unknown> };
}

/** The request body: the whole credential on add, only its configuration on rotate. */
function bodyOf(kind: CredentialFormMode["kind"], v: CredentialValues) {
  const configuration = { ...readExtra(v.extra).fields, client_id: v.client_id, client_secret: v.client_secret };
  return kind === "add" ? { actor_type: v.actor_type, name: v.name, configuration } : { configuration };
}

const extraCheck = (v: CredentialValues) => ({ extra: readExtra(v.extra).error });
const labels = { actor_type: "Actor type", client_id: "Client ID", client_secret: "Client secret", configuration: "Configuration" };
const resolvers = {
  add: bodyResolver<CredentialValues>(() => import("@/lib/schemas/credentials").then((m) => m.CredentialCreateInput), { toBody: (v) => bodyOf("add", v), fieldOf, check: extraCheck, labels }),
  rotate: bodyResolver<CredentialValues>(() => import("@/lib/schemas/credentials").then((m) => m.CredentialRotateInput), { toBody: (v) => bodyOf("rotate", v), fieldOf, check: extraCheck, labels }),
};

function CredentialForm({ org, ws, mode, onDone }: { org: string; ws: string; mode: CredentialFormMode; onDone: () => void }) {
  const uid = useId();
  const form = useForm<CredentialValues>({
    defaultValues: {
      actor_type: CREDENTIAL_ACTOR_TYPES[0],
      name: "",
      client_id: mode.kind === "rotate" ? String(mode.credential.configuration.client_id ?? "") : "",
      client_secret: "",
      extra: "",
    },
    resolver: resolvers[mode.kind],
  });
  const errors = form.formState.errors;
  const name = useWatch({ control: form.control, name: "name" });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const save = useMutation({
    mutationFn: (body: unknown) =>
      mode.kind === "add" ? createCredentialAction(org, ws, body) : rotateCredentialAction(org, ws, mode.credential.credential_id, body),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(applyServerErrors(form, result.error, { fieldOf, labels }));
        return;
      }
      await queryClient.invalidateQueries({ queryKey: credentialKeys.workspace(ws) });
      toast({ title: mode.kind === "add" ? "Credential added" : "Credential rotated", description: `“${result.data.name}” is stored encrypted.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const ids = {
    name: fieldIds(`${uid}-name`),
    clientId: fieldIds(`${uid}-client-id`),
    secret: fieldIds(`${uid}-secret`),
    extra: fieldIds(`${uid}-extra`),
  };
  const error = (field: FieldPath<CredentialValues>) => errors[field]?.message;

  return (
    <form
      noValidate
      className="flex flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        setFailure(null);
        void form.handleSubmit((values) => save.mutate(bodyOf(mode.kind, values)))(e);
      }}
    >
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        {mode.kind === "add" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField control={form.control} name="actor_type" label="Actor type" options={ACTOR_OPTIONS} />
            <Field ids={ids.name} label="Name" error={error("name")} hint={<CharacterCount value={name} max={NAME_MAX} />}>
              <input
                {...controlProps(ids.name, { error: error("name"), hint: true })}
                {...form.register("name")}
                className={inputClass}
                maxLength={NAME_MAX}
                autoComplete="off"
              />
            </Field>
          </div>
        ) : null}
        <Field ids={ids.clientId} label="Client ID" error={error("client_id")}>
          <input {...controlProps(ids.clientId, { error: error("client_id") })} {...form.register("client_id")} className={inputClass} autoComplete="off" />
        </Field>
        <Field ids={ids.secret} label="Client secret" hint="Stored encrypted; shown only masked afterwards." error={error("client_secret")}>
          <input
            {...controlProps(ids.secret, { hint: true, error: error("client_secret") })}
            {...form.register("client_secret")}
            type="password"
            className={`${inputClass} font-mono`}
            autoComplete="new-password"
          />
        </Field>
        <Field
          ids={ids.extra}
          label="Extra fields"
          labelNote="(optional JSON object)"
          hint='For example {"token_url": "https://idp.example/oauth/token", "scopes": ["read"]}. Fields named like secrets are masked too.'
          error={error("extra")}
        >
          <textarea
            {...controlProps(ids.extra, { hint: true, error: error("extra") })}
            {...form.register("extra")}
            className={`${inputClass} min-h-24 font-mono`}
            spellCheck={false}
          />
        </Field>
      </div>
      <DialogFooter submitLabel={mode.kind === "add" ? "Add credential" : "Rotate credential"} pending={save.isPending} />
    </form>
  );
}
