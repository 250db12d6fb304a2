"use client";

// Disable or enable the workspace, with a reason and a comment kept in its state history.

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { UNREACHABLE } from "@/components/action-error";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { REASON_LABELS } from "@/lib/console/state-reasons";
import { STATE_TRANSITION_REASONS, type StateTransitionReason, type WorkspaceOutput } from "@/lib/schemas/workspaces";
import { disableWorkspaceAction, enableWorkspaceAction } from "../actions";
import { CONFLICT_MESSAGE, useRefreshAfterChange } from "./use-refresh-after-change";

export interface StateDialogProps {
  org: string;
  workspace: WorkspaceOutput;
  verb: "disable" | "enable";
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function StateDialog({ org, workspace, verb, open, onOpenChange }: StateDialogProps) {
  const uid = useId();
  const reasonIds = fieldIds(`${uid}-reason`);
  const commentIds = fieldIds(`${uid}-comment`);
  const [reason, setReason] = useState<StateTransitionReason>("USER_INITIATED");
  const [comment, setComment] = useState("");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const refresh = useRefreshAfterChange(org);
  const Verb = verb === "disable" ? "Disable" : "Enable";

  const change = useMutation({
    mutationFn: () => (verb === "disable" ? disableWorkspaceAction : enableWorkspaceAction)(org, workspace.workspace_id, { reason, comment }),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
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
        change.mutate();
      }}
    >
      <Field ids={reasonIds} label="Reason">
        <select {...controlProps(reasonIds, {})} value={reason} onChange={(e) => setReason(e.target.value as StateTransitionReason)} className={inputClass}>
          {STATE_TRANSITION_REASONS.map((r) => (
            <option key={r} value={r}>
              {REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field ids={commentIds} label="Comment" labelNote="(optional)" hint="Kept in the workspace's state history and audit log.">
        <textarea
          {...controlProps(commentIds, { hint: true })}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={3}
          maxLength={1024}
          className={`${inputClass} resize-y`}
        />
      </Field>
    </FormDialog>
  );
}
