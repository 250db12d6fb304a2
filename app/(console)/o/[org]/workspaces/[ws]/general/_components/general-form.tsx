"use client";

// The General tab's form: the shared workspace fields over the workspace as the server rendered
// it. Saves send only the changed fields (update_mask) with the etag, so a concurrent change is
// refused instead of overwritten; the refusal then shows the other change beside the user's,
// and the user can keep theirs on top of it (saved against the newer etag) or take the other.
// Unsaved edits are guarded against leaving the page.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { ReasonButton } from "@/components/reason-button";
import { ReasonNote } from "@/components/reason-note";
import { useToast } from "@/components/toast";
import { WorkspaceFields, applyServerErrors, valuesOf, workspaceResolver, type WorkspaceFieldValues } from "@/components/workspace-fields";
import type { ActionFailure } from "@/lib/console/action-result";
import { apiFetch } from "@/lib/console/api-fetch";
import type { Gate } from "@/lib/operations/gates";
import { workspaceKeys } from "@/lib/console/query-keys";
import { useUnsavedChanges } from "@/lib/console/use-unsaved-changes";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { updateWorkspaceAction } from "../actions";
import { ConflictPanel, changedPaths, type EditablePath } from "./conflict-panel";

/** The update body (with the etag) and update_mask for the fields in `paths`. */
function changesOf(values: WorkspaceFieldValues, paths: EditablePath[], etag: string): { input: Record<string, unknown>; mask: string } {
  const input: Record<string, unknown> = { etag };
  for (const p of paths) {
    if (p === "configuration.domain") input.configuration = { domain: values.configuration.domain };
    else input[p] = values[p];
  }
  return { input, mask: paths.join(",") };
}

export interface GeneralFormProps {
  org: string;
  workspace: WorkspaceOutput;
  /** Whether the caller may change the workspace, and why not. */
  update: Gate;
}

type Problem = { kind: "conflict"; theirs: WorkspaceOutput | null } | { kind: "refused"; failure: ActionFailure };

export function GeneralForm({ org, workspace, update }: GeneralFormProps) {
  const canUpdate = update.can;
  const uid = useId();
  const base = valuesOf(workspace);
  const form = useForm<WorkspaceFieldValues>({ defaultValues: base, resolver: workspaceResolver("edit") });
  const [problem, setProblem] = useState<Problem | null>(null);
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

  const values = useWatch({ control: form.control }) as WorkspaceFieldValues;
  const changed = changedPaths(base, values);
  const dirty = changed.length > 0 && !readOnly;
  useUnsavedChanges(dirty);

  const showProblem = (p: Problem) => {
    setProblem(p);
    requestAnimationFrame(() => problemRef.current?.focus());
  };

  const save = useMutation({
    mutationFn: ({ input, mask }: { input: Record<string, unknown>; mask: string }) => updateWorkspaceAction(org, workspace.workspace_id, input, mask),
    onSuccess: async (result) => {
      if (result.ok) {
        setProblem(null);
        toast({ title: "Changes saved", description: `“${result.data.title}” is up to date.` });
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
        router.refresh();
        return;
      }
      const error = result.error;
      if (error.code === "ABORTED") {
        // Show what the other change was: the workspace as it is now, beside the user's edits.
        const theirs = await apiFetch<WorkspaceOutput>(
          `/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(workspace.workspace_id)}`,
        ).catch(() => null);
        return showProblem({ kind: "conflict", theirs });
      }
      const unplaced = applyServerErrors(form, error);
      if (unplaced) showProblem({ kind: "refused", failure: unplaced });
    },
    onError: () => showProblem({ kind: "refused", failure: UNREACHABLE }),
  });

  const submit = form.handleSubmit((v) => {
    setProblem(null);
    save.mutate(changesOf(v, changed, workspace.etag));
  });

  const keepMine = (theirs: WorkspaceOutput) => {
    // The user's changed fields, saved against the other change's etag: theirs stays in every
    // field the user did not touch.
    save.mutate(changesOf(form.getValues(), changed, theirs.etag));
  };
  const takeTheirs = () => {
    setProblem(null);
    router.refresh();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending || readOnly || !dirty) return;
        void submit(e);
      }}
      noValidate
      aria-labelledby={`${uid}-heading`}
      className="rounded-xl border border-border bg-surface shadow-sm"
    >
      <div className="border-b border-border px-5 py-3">
        <h2 id={`${uid}-heading`} className="text-sm font-semibold">
          Workspace details
        </h2>
      </div>
      <div className="space-y-5 px-5 py-5">
        {stateNote ? (
          <ReasonNote tone="warning">{stateNote}</ReasonNote>
        ) : !canUpdate ? (
          <ReasonNote>
            You can view these details. {update.reason} (It needs the <code className="font-mono">{update.needs}</code>{" "}
            permission.)
          </ReasonNote>
        ) : null}

        {problem ? (
          <div ref={problemRef} tabIndex={-1} className="outline-none">
            {problem.kind === "conflict" ? (
              <ConflictPanel
                mine={form.getValues()}
                base={base}
                theirs={problem.theirs}
                pending={save.isPending}
                onKeepMine={keepMine}
                onTakeTheirs={takeTheirs}
              />
            ) : (
              <ActionErrorAlert failure={problem.failure} />
            )}
          </div>
        ) : null}

        <fieldset disabled={readOnly} className="space-y-5">
          <legend className="sr-only">Details</legend>
          <WorkspaceFields form={form} mode="edit" readOnly={readOnly} />
        </fieldset>
      </div>

      <div className="flex flex-col-reverse gap-2 border-t border-border px-5 py-4 sm:flex-row sm:items-center sm:justify-end">
        {dirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
        <Button
          variant="secondary"
          disabled={!dirty || save.isPending}
          onClick={() => {
            form.reset(base);
            setProblem(null);
          }}
        >
          Discard
        </Button>
        <ReasonButton
          type="submit"
          reason={update.reason}
          disabled={readOnly || !dirty || save.isPending}
        >
          {save.isPending ? <Spinner /> : null}
          Save changes
        </ReasonButton>
      </div>
    </form>
  );
}
