"use client";

// Clone the workspace under a new title, optionally with its members.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { UNREACHABLE } from "@/components/action-error";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import { fieldErrorsOf, type ActionFailure } from "@/lib/console/action-result";
import { workspaceKeys } from "@/lib/console/query-keys";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { cloneWorkspaceAction } from "../actions";
import { CONFLICT_MESSAGE } from "./use-refresh-after-change";
import { CharacterCount } from "@/components/character-count";

const TITLE_MAX = 256;

export interface CloneDialogProps {
  org: string;
  workspace: WorkspaceOutput;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CloneDialog({ org, workspace, open, onOpenChange }: CloneDialogProps) {
  const uid = useId();
  const titleIds = fieldIds(`${uid}-title`);
  // The suggested title keeps "(copy)" visible: the original is shortened, not the suffix.
  const [title, setTitle] = useState(() => `${workspace.title.slice(0, TITLE_MAX - 7)} (copy)`);
  const [includeMembers, setIncludeMembers] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [titleError, setTitleError] = useState("");
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const clone = useMutation({
    mutationFn: () => cloneWorkspaceAction(org, workspace.workspace_id, { title, include_members: includeMembers }),
    onSuccess: async (result) => {
      if (!result.ok) {
        const { fields } = fieldErrorsOf(result.error, (path) => (path === "title" ? "title" : undefined));
        setTitleError(fields.title ?? "");
        setFailure(fields.title ? null : result.error);
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
        if (!title.trim()) {
          setTitleError("Title is required");
          return;
        }
        setTitleError("");
        clone.mutate();
      }}
    >
      <Field ids={titleIds} label="New title" error={titleError} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        <input
          {...controlProps(titleIds, { error: titleError, hint: true })}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleError("");
          }}
          maxLength={TITLE_MAX}
          autoComplete="off"
          autoFocus
          className={inputClass}
        />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={includeMembers} onChange={(e) => setIncludeMembers(e.target.checked)} className="mt-0.5 size-4" />
        <span>
          Include members
          <span className="block text-muted">Everyone who is a member now joins the copy with the same roles.</span>
        </span>
      </label>
    </FormDialog>
  );
}
