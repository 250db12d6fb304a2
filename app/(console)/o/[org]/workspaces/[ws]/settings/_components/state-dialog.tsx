"use client";

// Disable or enable the workspace, with a reason and a comment kept in its state history. A
// react-hook-form over the API's WorkspaceStateChangeInput; a refusal naming a field is shown
// under it.

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { UNREACHABLE } from "@/components/action-error";
import { CharacterCount } from "@/components/character-count";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
import { SelectField } from "@/components/select-field";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { REASON_LABELS } from "@/lib/console/state-reasons";
import { STATE_TRANSITION_REASONS, WorkspaceStateChangeInput, type StateTransitionReason, type WorkspaceOutput } from "@/lib/schemas/workspaces";
import { disableWorkspaceAction, enableWorkspaceAction } from "../actions";
import { CONFLICT_MESSAGE, useRefreshAfterChange } from "./use-refresh-after-change";

const COMMENT_MAX = 1024;
const REASON_OPTIONS = STATE_TRANSITION_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }));

interface StateValues {
  reason: StateTransitionReason;
  comment: string;
}

const resolver = schemaResolver<StateValues>(WorkspaceStateChangeInput);

export interface StateDialogProps {
  org: string;
  workspace: WorkspaceOutput;
  verb: "disable" | "enable";
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function StateDialog({ org, workspace, verb, open, onOpenChange }: StateDialogProps) {
  const uid = useId();
  const commentIds = fieldIds(`${uid}-comment`);
  const form = useForm<StateValues>({ defaultValues: { reason: "USER_INITIATED", comment: "" }, resolver });
  const errors = form.formState.errors;
  const comment = useWatch({ control: form.control, name: "comment" });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const refresh = useRefreshAfterChange(org);
  const Verb = verb === "disable" ? "Disable" : "Enable";

  const change = useMutation({
    mutationFn: (values: StateValues) => (verb === "disable" ? disableWorkspaceAction : enableWorkspaceAction)(org, workspace.workspace_id, values),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error.code === "ABORTED" ? result.error : applyServerErrors(form, result.error));
      toast({ title: `Workspace ${verb}d`, description: `“${result.data.title}” is now ${result.data.state.toLowerCase()}.` });
      onOpenChange(false);
      await refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`${Verb} workspace`}
      description={
        verb === "disable"
          ? `“${workspace.title}” becomes read-only until it is enabled again. Members keep their access to view it.`
          : `“${workspace.title}” accepts changes again.`
      }
      submitLabel={`${Verb} workspace`}
      submitVariant={verb === "disable" ? "danger" : "primary"}
      pending={change.isPending}
      failure={failure}
      failureMessage={failure?.code === "ABORTED" ? CONFLICT_MESSAGE : undefined}
      onSubmit={() => {
        setFailure(null);
        void form.handleSubmit((values) => change.mutate(values))();
      }}
    >
      <SelectField control={form.control} name="reason" label="Reason" options={REASON_OPTIONS} />
      <Field
        ids={commentIds}
        label="Comment"
        labelNote="(optional)"
        hint={
          <>
            Kept in the workspace&apos;s state history and audit log. <CharacterCount value={comment} max={COMMENT_MAX} />
          </>
        }
        error={errors.comment?.message}
      >
        <textarea
          {...controlProps(commentIds, { hint: true, error: errors.comment?.message })}
          {...form.register("comment")}
          rows={3}
          maxLength={COMMENT_MAX}
          className={`${inputClass} resize-y`}
        />
      </Field>
    </FormDialog>
  );
}
