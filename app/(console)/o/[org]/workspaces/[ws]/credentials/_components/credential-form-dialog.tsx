"use client";

// Add an OAuth credential (actor type, name, client id, client secret, extra JSON fields), or
// rotate one (a whole new configuration, same id). Checked with the API's own schema before
// sending; the secret goes to the server action once and is never shown again.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { useToast } from "@/components/toast";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { credentialKeys } from "@/lib/console/query-keys";
import { CREDENTIAL_ACTOR_TYPES, CredentialCreateInput, CredentialRotateInput, type CredentialOutput } from "@/lib/schemas/credentials";
import { createCredentialAction, rotateCredentialAction } from "../actions";

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

/** Where a field violation of the API belongs in this form. */
function fieldOf(path: string): string | undefined {
  if (path === "actor_type" || path === "name") return path;
  if (path === "configuration.client_id") return "client_id";
  if (path === "configuration.client_secret") return "client_secret";
  if (path.startsWith("configuration")) return "extra";
  return undefined;
}

function CredentialForm({ org, ws, mode, onDone }: { org: string; ws: string; mode: CredentialFormMode; onDone: () => void }) {
  const uid = useId();
  const [actorType, setActorType] = useState<string>(CREDENTIAL_ACTOR_TYPES[0]);
  const [name, setName] = useState("");
  const [clientId, setClientId] = useState(mode.kind === "rotate" ? String(mode.credential.configuration.client_id ?? "") : "");
  const [clientSecret, setClientSecret] = useState("");
  const [extra, setExtra] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const save = useMutation({
    mutationFn: (body: unknown) =>
      mode.kind === "add" ? createCredentialAction(org, ws, body) : rotateCredentialAction(org, ws, mode.credential.credential_id, body),
    onSuccess: async (result) => {
      if (!result.ok) {
        const { fields, unplaced } = fieldErrorsOf(result.error, fieldOf);
        setErrors(fields);
        setFailure(Object.keys(fields).length && unplaced.length === 0 ? null : result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: credentialKeys.workspace(ws) });
      toast({ title: mode.kind === "add" ? "Credential added" : "Credential rotated", description: `“${result.data.name}” is stored encrypted.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const submit = () => {
    setFailure(null);
    const next: Record<string, string> = {};
    let extraFields: Record<string, unknown> = {};
    if (extra.trim()) {
      try {
        const parsed: unknown = JSON.parse(extra);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) next.extra = 'Extra fields must be a JSON object, e.g. {"token_url": "https://…"}';
        else extraFields = parsed as Record<string, unknown>;
      } catch (e) {
        next.extra = `Extra fields are not valid JSON: ${(e as Error).message}`;
      }
      if ("client_id" in extraFields || "client_secret" in extraFields) next.extra = "Client id and secret have their own fields above";
    }
    const configuration = { ...extraFields, client_id: clientId, client_secret: clientSecret };
    const body = mode.kind === "add" ? { actor_type: actorType, name, configuration } : { configuration };
    const parsed = (mode.kind === "add" ? CredentialCreateInput : CredentialRotateInput).safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.map(String).join("."));
        if (field && !next[field]) next[field] = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      }
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    save.mutate(body);
  };

  const ids = {
    actor: fieldIds(`${uid}-actor`),
    name: fieldIds(`${uid}-name`),
    clientId: fieldIds(`${uid}-client-id`),
    secret: fieldIds(`${uid}-secret`),
    extra: fieldIds(`${uid}-extra`),
  };

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
        {mode.kind === "add" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field ids={ids.actor} label="Actor type" error={errors.actor_type}>
              <select {...controlProps(ids.actor, { error: errors.actor_type })} className={inputClass} value={actorType} onChange={(e) => setActorType(e.target.value)}>
                {CREDENTIAL_ACTOR_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </Field>
            <Field ids={ids.name} label="Name" error={errors.name}>
              <input {...controlProps(ids.name, { error: errors.name })} className={inputClass} value={name} maxLength={128} autoComplete="off" onChange={(e) => setName(e.target.value)} />
            </Field>
          </div>
        ) : null}
        <Field ids={ids.clientId} label="Client ID" error={errors.client_id}>
          <input {...controlProps(ids.clientId, { error: errors.client_id })} className={inputClass} value={clientId} autoComplete="off" onChange={(e) => setClientId(e.target.value)} />
        </Field>
        <Field ids={ids.secret} label="Client secret" hint="Stored encrypted; shown only masked afterwards." error={errors.client_secret}>
          <input
            {...controlProps(ids.secret, { hint: true, error: errors.client_secret })}
            type="password"
            className={`${inputClass} font-mono`}
            value={clientSecret}
            autoComplete="new-password"
            onChange={(e) => setClientSecret(e.target.value)}
          />
        </Field>
        <Field ids={ids.extra} label="Extra fields" labelNote="(optional JSON object)" hint='For example {"token_url": "https://idp.example/oauth/token", "scopes": ["read"]}. Fields named like secrets are masked too.' error={errors.extra}>
          <textarea
            {...controlProps(ids.extra, { hint: true, error: errors.extra })}
            className={`${inputClass} min-h-24 font-mono`}
            value={extra}
            spellCheck={false}
            onChange={(e) => setExtra(e.target.value)}
          />
        </Field>
      </div>
      <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? <Spinner /> : null}
          {mode.kind === "add" ? "Add credential" : "Rotate credential"}
        </Button>
      </div>
    </form>
  );
}
