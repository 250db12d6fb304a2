"use client";

// The Credentials tab: the workspace's OAuth credentials with their configuration, secrets masked
// as the server sends them (it never sends more). Adding, rotating and deleting are gated by the
// caller's permissions and by the workspace's state, with the reason shown.

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { LocalTime } from "@/components/local-time";
import { ReasonButton } from "@/components/reason-button";
import { EmptyState, ErrorState } from "@/components/states";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { credentialKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { Gate } from "@/lib/operations/gates";
import type { CredentialOutput, ListCredentialsOutput } from "@/lib/schemas/credentials";
import type { CredentialFormMode } from "./credential-form-dialog";

// The dialogs (react-hook-form, the credential schema and zod, Radix dialog) load on their first opening.
const CredentialFormDialog = dynamic(() => import("./credential-form-dialog").then((m) => m.CredentialFormDialog), { ssr: false });
const DeleteCredentialDialog = dynamic(() => import("./delete-credential-dialog").then((m) => m.DeleteCredentialDialog), { ssr: false });

export interface CredentialsViewProps {
  org: string;
  ws: string;
  create: Gate;
  rotate: Gate;
  remove: Gate;
  readOnly: string;
  initial: ListCredentialsOutput;
  renderedAt: number;
}

type CredentialsDialog = { kind: "form"; mode: CredentialFormMode } | { kind: "delete"; credential: CredentialOutput } | null;

const valueText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export function CredentialsView({ org, ws, create, rotate, remove, readOnly, initial, renderedAt }: CredentialsViewProps) {
  const list = useQuery({
    queryKey: credentialKeys.list(ws),
    queryFn: ({ signal }) =>
      apiFetch<ListCredentialsOutput>(`/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/oauth-credentials?page_size=100`, { signal }),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
  });
  const [dialog, setDialog] = useState<CredentialsDialog>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const open = (next: CredentialsDialog) => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog(next);
  };
  const formOpened = useOpenedOnce(dialog?.kind === "form");
  const deleteOpened = useOpenedOnce(dialog?.kind === "delete");
  const restoreFocus = () => {
    const opener = openerRef.current;
    if (opener?.isConnected) opener.focus();
    else document.getElementById("main")?.focus();
  };
  const createReason = readOnly || create.reason;
  const rotateReason = readOnly || rotate.reason;
  const deleteReason = readOnly || remove.reason;
  const rows = list.data.oauth_credentials;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="max-w-2xl">
          <h2 className="text-xl font-semibold tracking-tight">OAuth credentials</h2>
          <p className="mt-1 text-sm text-muted">
            Client credentials that sources of this workspace use to sign in to other services. They are stored encrypted; secrets are
            only ever shown masked.
          </p>
        </div>
        <ReasonButton reason={createReason} onClick={() => open({ kind: "form", mode: { kind: "add" } })}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M8 3v10M3 8h10" strokeLinecap="round" />
          </svg>
          Add credential
        </ReasonButton>
      </div>

      {readOnly ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
          {readOnly}
        </p>
      ) : null}

      {list.error ? (
        <ErrorState
          title="The credentials could not be refreshed"
          message={list.error instanceof ApiRequestError ? list.error.message : "The request failed."}
          requestId={list.error instanceof ApiRequestError ? list.error.requestId : undefined}
          onRetry={() => void list.refetch()}
        />
      ) : null}

      {rows.length === 0 ? (
        <div className="rounded-xl border border-border bg-surface shadow-sm">
          <EmptyState title="No OAuth credentials yet">Add the client id and secret a source needs to connect.</EmptyState>
        </div>
      ) : (
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface shadow-sm">
          {rows.map((c) => (
            <li key={c.credential_id} data-testid={`credential-${c.credential_id}`} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0 space-y-1.5">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium break-words">{c.name}</h3>
                  <span className="rounded bg-surface-2 px-1.5 py-0.5 text-[0.7rem] font-semibold text-muted ring-1 ring-border">{c.actor_type}</span>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  {Object.entries(c.configuration).map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="font-mono text-xs text-muted">{k}</dt>
                      <dd className="min-w-0 truncate font-mono text-xs" title={valueText(v)}>
                        {valueText(v)}
                      </dd>
                    </div>
                  ))}
                </dl>
                <p className="text-xs text-muted">
                  Added <LocalTime iso={c.create_time} /> · last changed <LocalTime iso={c.update_time} format="datetime" />
                </p>
              </div>
              <div className="flex shrink-0 gap-2">
                <ReasonButton variant="secondary" size="sm" tipAlign="end" reason={rotateReason} onClick={() => open({ kind: "form", mode: { kind: "rotate", credential: c } })} aria-label={`Rotate ${c.name}`}>
                  Rotate
                </ReasonButton>
                <ReasonButton variant="secondary" size="sm" tipAlign="end" className="text-danger" reason={deleteReason} onClick={() => open({ kind: "delete", credential: c })} aria-label={`Delete ${c.name}`}>
                  Delete
                </ReasonButton>
              </div>
            </li>
          ))}
        </ul>
      )}

      {formOpened ? (
        <CredentialFormDialog
          org={org}
          ws={ws}
          mode={dialog?.kind === "form" ? dialog.mode : null}
          onOpenChange={(o) => (o ? undefined : setDialog(null))}
          onCloseAutoFocus={restoreFocus}
        />
      ) : null}
      {deleteOpened ? (
        <DeleteCredentialDialog
          org={org}
          ws={ws}
          credential={dialog?.kind === "delete" ? dialog.credential : null}
          onOpenChange={(o) => (o ? undefined : setDialog(null))}
          onCloseAutoFocus={restoreFocus}
        />
      ) : null}
    </div>
  );
}
