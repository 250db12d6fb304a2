"use client";

// Delete the workspace (soft, restorable for 30 days) after its title is typed.

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { TypeToConfirmDialog } from "@/components/type-to-confirm-dialog";
import { useToast } from "@/components/toast";
import { useActionMutation } from "@/components/use-action-mutation";
import { workspaceKeys } from "@/lib/console/query-keys";
import type { WorkspaceOutput } from "@/lib/schemas/workspaces";
import { deleteWorkspaceAction } from "../actions";
import { CONFLICT_MESSAGE } from "./use-refresh-after-change";

export interface DeleteDialogProps {
  org: string;
  workspace: WorkspaceOutput;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function DeleteDialog({ org, workspace, open, onOpenChange }: DeleteDialogProps) {
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const { mutation: remove, failure } = useActionMutation(() => deleteWorkspaceAction(org, workspace.workspace_id, { etag: workspace.etag }), {
    onOk: async () => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
      toast({ title: "Workspace deleted", description: `“${workspace.title}” can be restored from “Show deleted” for 30 days.` });
      router.push(`/o/${org}/workspaces`);
    },
  });

  return (
    <TypeToConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete workspace"
      description={
        <>
          Everyone loses access to “{workspace.title}”. It can be restored for 30 days, then it is purged with its members, roles, invitations and
          settings.
        </>
      }
      submitLabel="Delete workspace"
      confirmText={workspace.title}
      pending={remove.isPending}
      failure={failure}
      failureMessage={failure?.code === "ABORTED" ? CONFLICT_MESSAGE : undefined}
      onConfirm={() => remove.mutate()}
    />
  );
}
