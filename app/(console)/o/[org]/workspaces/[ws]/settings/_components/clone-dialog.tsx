"use client";

// Clone the workspace under a new title, optionally with its members. A react-hook-form over the
// API's WorkspaceCloneInput: the title is checked in the browser as the server checks it, and a
// refusal that names the title (taken, too long) is shown under it.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { UNREACHABLE } from "@/components/action-error";
import { CharacterCount } from "@/components/character-count";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { workspaceKeys } from "@/lib/console/query-keys";
import { WorkspaceCloneInput, type WorkspaceOutput } from "@/lib/schemas/workspaces";
import { cloneWorkspaceAction } from "../actions";
import { CONFLICT_MESSAGE } from "./use-refresh-after-change";

const TITLE_MAX = 256;

interface CloneValues {
  title: string;
  include_members: boolean;
}

const resolver = schemaResolver<CloneValues>(WorkspaceCloneInput);

export interface CloneDialogProps {
  org: string;
  workspace: WorkspaceOutput;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Mount it only while open: each opening starts from the suggested title. */
export function CloneDialog({ org, workspace, open, onOpenChange }: CloneDialogProps) {
  const uid = useId();
  const titleIds = fieldIds(`${uid}-title`);
  const form = useForm<CloneValues>({
    // The suggested title keeps "(copy)" visible: the original is shortened, not the suffix.
    defaultValues: { title: `${workspace.title.slice(0, TITLE_MAX - 7)} (copy)`, include_members: false },
    resolver,
  });
  const title = useWatch({ control: form.control, name: "title" });
  const titleError = form.formState.errors.title?.message;
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const clone = useMutation({
    mutationFn: (values: CloneValues) => cloneWorkspaceAction(org, workspace.workspace_id, values),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error.code === "ABORTED" ? result.error : applyServerErrors(form, result.error));
        return;
      }
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
      toast({ title: "Workspace cloned", description: `“${result.data.title}” was created from “${workspace.title}”.` });
      router.push(`/o/${org}/workspaces/${result.data.workspace_id}/general`);
    },
    onError: () => setFailure(UNREACHABLE),
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Clone workspace"
      description={`A new workspace copied from “${workspace.title}”. You become its admin.`}
      submitLabel="Clone workspace"
      pending={clone.isPending}
      failure={failure}
      failureMessage={failure?.code === "ABORTED" ? CONFLICT_MESSAGE : undefined}
      onSubmit={() => {
        setFailure(null);
        void form.handleSubmit((values) => clone.mutate(values))();
      }}
    >
      <Field ids={titleIds} label="New title" error={titleError} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        <input
          {...controlProps(titleIds, { error: titleError, hint: true })}
          {...form.register("title")}
          maxLength={TITLE_MAX}
          autoComplete="off"
          autoFocus
          className={inputClass}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...form.register("include_members")} className="mt-0.5 size-4" />
        <span>
          Include members
          <span className="block text-muted">Everyone who is a member now joins the copy with the same roles.</span>
        </span>
      </label>
    </FormDialog>
  );
}
