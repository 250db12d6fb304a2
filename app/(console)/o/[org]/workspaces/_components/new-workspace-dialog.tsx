"use client";

// The New workspace dialog: the shared workspace fields in the shared form dialog.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { UNREACHABLE } from "@/components/action-error";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import { NEW_WORKSPACE_VALUES, WorkspaceFields, applyServerErrors, workspaceResolver, type WorkspaceFieldValues } from "@/components/workspace-fields";
import type { ActionFailure } from "@/lib/console/action-result";
import { workspaceKeys } from "@/lib/console/query-keys";
import { createWorkspaceAction } from "../actions";

export interface NewWorkspaceDialogProps {
  org: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Mount it only while open: each opening starts from an empty form. */
export function NewWorkspaceDialog({ org, open, onOpenChange }: NewWorkspaceDialogProps) {
  const form = useForm<WorkspaceFieldValues>({ defaultValues: NEW_WORKSPACE_VALUES, resolver: workspaceResolver("create") });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();

  const create = useMutation({
    mutationFn: (values: WorkspaceFieldValues) => {
      const { configuration: _none, ...input } = values;
      return createWorkspaceAction(org, input);
    },
    onSuccess: async (result) => {
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
        toast({ title: "Workspace created", description: `“${result.data.title}” is ready.` });
        onOpenChange(false);
        return;
      }
      // Errors that sit next to their fields are not repeated above the form.
      setFailure(applyServerErrors(form, result.error));
    },
    onError: () => setFailure(UNREACHABLE),
  });

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New workspace"
      description="A workspace holds a team's members, roles, invitations and settings."
      submitLabel="Create workspace"
      pending={create.isPending}
      failure={failure}
      onSubmit={() => {
        setFailure(null);
        void form.handleSubmit((values) => create.mutate(values))();
      }}
    >
      <WorkspaceFields form={form} mode="create" autoFocusTitle />
    </FormDialog>
  );
}
