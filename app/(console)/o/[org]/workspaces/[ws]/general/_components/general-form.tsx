"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { GatedButton } from "@/components/gated-button";
import { ColorPicker, IconPicker } from "@/components/icon-color-fields";
import { useToast } from "@/components/toast";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { workspaceKeys } from "@/lib/console/query-keys";
import { WorkspaceUpdateInput, type WorkspaceOutput } from "@/lib/schemas/workspaces";
import { updateWorkspaceAction } from "../actions";
import { UNREACHABLE } from "@/components/action-error";

type FormField = "title" | "description" | "icon" | "color" | "domain";

interface Draft {
  title: string;
  description: string;
  icon: string;
  color: string;
  domain: string;
}

// Each form field, the API path it updates, and how the input body carries it.
const PATHS: Record<FormField, string> = {
  title: "title",
  description: "description",
  icon: "workspace_icon",
  color: "workspace_icon_color",
  domain: "configuration.domain",
};

function formFieldOf(path: string): FormField | undefined {
  return (Object.keys(PATHS) as FormField[]).find((f) => PATHS[f] === path);
}

function draftOf(ws: WorkspaceOutput): Draft {
  return {
    title: ws.title,
    description: ws.description,
    icon: ws.workspace_icon,
    color: ws.workspace_icon_color,
    domain: ws.configuration.domain,
  };
}

/** The changed fields as an update body (with the etag) and its update_mask. */
function changesOf(base: Draft, draft: Draft, etag: string): { input: Record<string, unknown>; mask: string[] } {
  const input: Record<string, unknown> = { etag };
  const mask: string[] = [];
  if (draft.title !== base.title) input.title = draft.title;
  if (draft.description !== base.description) input.description = draft.description;
  if (draft.icon !== base.icon) input.workspace_icon = draft.icon;
  if (draft.color.toUpperCase() !== base.color.toUpperCase()) input.workspace_icon_color = draft.color;
  if (draft.domain.trim() !== base.domain) input.configuration = { domain: draft.domain };
  for (const f of Object.keys(PATHS) as FormField[]) {
    const path = PATHS[f];
    if (path === "configuration.domain" ? "configuration" in input : path in input) mask.push(path);
  }
  return { input, mask };
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export interface GeneralFormProps {
  org: string;
  workspace: WorkspaceOutput;
  canUpdate: boolean;
}

type Problem = { kind: "conflict" } | { kind: "refused"; failure: ActionFailure };

export function GeneralForm({ org, workspace, canUpdate }: GeneralFormProps) {
  const uid = useId();
  const ids = {
    title: fieldIds(`${uid}-title`),
    description: fieldIds(`${uid}-description`),
    domain: fieldIds(`${uid}-domain`),
  };
  const base = draftOf(workspace);
  const [draft, setDraft] = useState<Draft>(base);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();

  const stateNote =
    workspace.state === "DISABLED"
      ? "This workspace is disabled, so its details are read-only. Enable it on the Settings tab to make changes."
      : workspace.state === "TERMINATED"
        ? "This workspace is terminated: its details are read-only for good."
        : workspace.state === "DELETED"
          ? "This workspace is deleted. Restore it on the Settings tab to make changes."
          : "";
  const readOnly = Boolean(stateNote) || !canUpdate;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const showProblem = (p: Problem) => {
    setProblem(p);
    requestAnimationFrame(() => problemRef.current?.focus());
  };

  const save = useMutation({
    mutationFn: ({ input, mask }: { input: Record<string, unknown>; mask: string[] }) =>
      updateWorkspaceAction(org, workspace.workspace_id, input, mask.join(",")),
    onSuccess: async (result) => {
      if (result.ok) {
        toast({ title: "Changes saved", description: `“${result.data.title}” is up to date.` });
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
        router.refresh();
        return;
      }
      const error = result.error;
      if (error.code === "ABORTED") return showProblem({ kind: "conflict" });
      if (error.code === "INVALID_ARGUMENT" || error.code === "ALREADY_EXISTS") {
        const { fields, unplaced } = fieldErrorsOf(error, formFieldOf);
        setErrors(fields);
        if (Object.keys(fields).length > 0 && unplaced.length === 0) {
          requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
          return;
        }
      }
      showProblem({ kind: "refused", failure: error });
    },
    onError: () =>
      showProblem({
        kind: "refused",
        failure: UNREACHABLE,
      }),
  });

  const { input, mask } = changesOf(base, draft, workspace.etag);
  const dirty = mask.length > 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending || readOnly || !dirty) return;
    setProblem(null);
    // The server's schema, for instant feedback; the server still decides.
    const parsed = WorkspaceUpdateInput.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<FormField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = formFieldOf(issue.path.map(String).join("."));
        if (field && !next[field]) next[field] = capitalize(issue.message);
      }
      setErrors(next);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setErrors({});
    save.mutate({ input, mask });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-heading`} className="rounded-xl border border-border bg-surface shadow-sm">
      <div className="border-b border-border px-5 py-3">
        <h2 id={`${uid}-heading`} className="text-sm font-semibold">
          Workspace details
        </h2>
      </div>
      <div className="space-y-5 px-5 py-5">
        {stateNote ? (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            {stateNote}
          </p>
        ) : !canUpdate ? (
          <p role="note" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm">
            You can view these details. Changing them requires the <code className="font-mono">update:Workspace</code> permission.
          </p>
        ) : null}

        {problem ? (
          <div ref={problemRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm outline-none dark:border-red-900">
            {problem.kind === "conflict" ? (
              <>
                <p className="font-medium text-danger">This workspace was changed by someone else — reload to see the latest version.</p>
                <p className="mt-1 text-muted">Your edits were not saved, so nothing was overwritten.</p>
                <Button
                  variant="secondary"
                  size="sm"
                  className="mt-2"
                  onClick={() => {
                    setProblem(null);
                    router.refresh();
                  }}
                >
                  Reload
                </Button>
              </>
            ) : (
              <>
                <p className="text-danger">{problem.failure.message}</p>
                {problem.failure.requestId ? (
                  <p className="mt-1 text-xs text-muted">
                    Request ID: <code className="font-mono select-all">{problem.failure.requestId}</code>
                  </p>
                ) : null}
              </>
            )}
          </div>
        ) : null}

        <fieldset disabled={readOnly} className="space-y-5">
          <legend className="sr-only">Details</legend>
          <div className="flex items-center gap-3 rounded-lg bg-surface-2 p-3">
            <WorkspaceIcon icon={draft.icon} color={draft.color} title={draft.title || "?"} size="lg" />
            <div className="min-w-0">
              <p className="truncate font-medium">{draft.title.trim() || "Untitled workspace"}</p>
              <p className="text-xs text-muted">Preview</p>
            </div>
          </div>

          <Field ids={ids.title} label="Title" error={errors.title}>
            <input
              {...controlProps(ids.title, { error: errors.title })}
              name="title"
              value={draft.title}
              onChange={(e) => set("title", e.target.value)}
              required
              maxLength={256}
              autoComplete="off"
              className={inputClass}
            />
          </Field>

          <Field ids={ids.description} label="Description" labelNote="(optional)" error={errors.description}>
            <textarea
              {...controlProps(ids.description, { error: errors.description })}
              name="description"
              value={draft.description}
              onChange={(e) => set("description", e.target.value)}
              rows={3}
              maxLength={1024}
              className={`${inputClass} resize-y`}
            />
          </Field>

          <IconPicker value={draft.icon} onChange={(v) => set("icon", v)} disabled={readOnly} error={errors.icon} />
          <ColorPicker value={draft.color} onChange={(v) => set("color", v)} disabled={readOnly} error={errors.color} />

          <Field
            ids={ids.domain}
            label="Domain"
            labelNote="(optional)"
            hint="When set, invitations to this workspace are limited to email addresses of this domain, e.g. acme.example."
            error={errors.domain}
          >
            <input
              {...controlProps(ids.domain, { hint: true, error: errors.domain })}
              name="domain"
              value={draft.domain}
              onChange={(e) => set("domain", e.target.value)}
              maxLength={253}
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              placeholder="acme.example"
              className={`${inputClass} font-mono`}
            />
          </Field>
        </fieldset>
      </div>

      <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:items-center sm:justify-end">
        {dirty && !readOnly ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button variant="secondary" disabled={!dirty || readOnly || save.isPending} onClick={() => { setDraft(base); setErrors({}); setProblem(null); }}>
          Discard
        </Button>
        <GatedButton type="submit" allowed={canUpdate} permission="update:Workspace" disabled={readOnly ? canUpdate : !dirty || save.isPending}>
          {save.isPending ? <Spinner /> : null}
          Save changes
        </GatedButton>
      </div>
    </form>
  );
}
