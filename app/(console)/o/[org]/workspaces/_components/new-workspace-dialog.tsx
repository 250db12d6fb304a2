"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { ColorPicker, IconPicker } from "@/components/icon-color-fields";
import { useToast } from "@/components/toast";
import { WorkspaceIcon } from "@/components/workspace-icon";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { workspaceKeys } from "@/lib/console/query-keys";
import { DATA_REGIONS, WorkspaceCreateInput } from "@/lib/schemas/workspaces";
import { createWorkspaceAction } from "../actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

type FormField = "title" | "description" | "icon" | "color" | "region";

interface Draft {
  title: string;
  description: string;
  icon: string;
  color: string;
  region: (typeof DATA_REGIONS)[number];
}

const EMPTY: Draft = { title: "", description: "", icon: "", color: "#4F46E5", region: "us-west-2" };

const REGION_LABELS: Record<(typeof DATA_REGIONS)[number], string> = {
  "us-west-2": "United States (us-west-2)",
  "eu-west-1": "European Union (eu-west-1)",
  "ap-south-1": "India (ap-south-1)",
};

/** The API field a violation names → the form field that shows it. */
function formFieldOf(path: string): FormField | undefined {
  if (path === "title") return "title";
  if (path === "description") return "description";
  if (path === "workspace_icon") return "icon";
  if (path === "workspace_icon_color") return "color";
  if (path.startsWith("data_policy")) return "region";
  return undefined;
}

function toInput(d: Draft) {
  return {
    title: d.title,
    description: d.description,
    workspace_icon: d.icon,
    workspace_icon_color: d.color,
    data_policy: { group: d.region, regions: [{ region: d.region, priority: 0 }], pii_strategy: "DEFAULT" as const },
  };
}

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export interface NewWorkspaceDialogProps {
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: () => void;
}

export function NewWorkspaceDialog({ org, open, onOpenChange, onCloseAutoFocus }: NewWorkspaceDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent
          title="New workspace"
          description="A workspace holds a team's members, roles, invitations and settings."
          onCloseAutoFocus={(e) => {
            if (!onCloseAutoFocus) return;
            e.preventDefault();
            onCloseAutoFocus();
          }}
        >
          <NewWorkspaceForm org={org} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function NewWorkspaceForm({ org, onDone }: { org: string; onDone: () => void }) {
  const uid = useId();
  const ids = {
    title: fieldIds(`${uid}-title`),
    description: fieldIds(`${uid}-description`),
    region: fieldIds(`${uid}-region`),
  };

  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key as FormField]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const focusFirstInvalid = () => {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  };

  const create = useMutation({
    mutationFn: (input: ReturnType<typeof toInput>) => createWorkspaceAction(org, input),
    onSuccess: async (result) => {
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
        toast({ title: "Workspace created", description: `“${result.data.title}” is ready.` });
        onDone();
        return;
      }
      const { fields, unplaced } = fieldErrorsOf(result.error, formFieldOf);
      setErrors(fields);
      const placedAny = Object.keys(fields).length > 0;
      // Errors that sit next to their fields are not repeated above the form.
      setFailure(placedAny && unplaced.length === 0 ? null : result.error);
      if (placedAny) focusFirstInvalid();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    setFailure(null);
    const input = toInput(draft);
    // The same schema the server parses with, for instant feedback; the server still decides.
    const parsed = WorkspaceCreateInput.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<FormField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = formFieldOf(issue.path.map(String).join("."));
        if (field && !next[field]) next[field] = capitalize(issue.message);
      }
      setErrors(next);
      focusFirstInvalid();
      return;
    }
    setErrors({});
    create.mutate(input);
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />

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
            autoFocus
            placeholder="e.g. Customer Success"
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

        <IconPicker value={draft.icon} onChange={(v) => set("icon", v)} error={errors.icon} />
        <ColorPicker value={draft.color} onChange={(v) => set("color", v)} error={errors.color} />

        <Field
          ids={ids.region}
          label="Data region"
          hint="Where the workspace's data is stored. It cannot be changed after the workspace is created."
          error={errors.region}
        >
          <select
            {...controlProps(ids.region, { hint: true, error: errors.region })}
            name="region"
            value={draft.region}
            onChange={(e) => set("region", e.target.value as Draft["region"])}
            className={inputClass}
          >
            {DATA_REGIONS.map((r) => (
              <option key={r} value={r}>
                {REGION_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="sticky bottom-0 flex flex-col-reverse gap-2 border-t border-border bg-surface px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : null}
          Create workspace
        </Button>
      </div>
    </form>
  );
}
