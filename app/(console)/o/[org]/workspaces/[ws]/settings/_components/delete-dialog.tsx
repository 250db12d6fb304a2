"use client";

// Delete the workspace (soft, restorable for 30 days) after its title is typed.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UNREACHABLE } from "@/components/action-error";
import { TypeToConfirmDialog } from "@/components/type-to-confirm-dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
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
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const remove = useMutation({
    mutationFn: () => deleteWorkspaceAction(org, workspace.workspace_id, { etag: workspace.etag }),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.lists(org) });
      toast({ title: "Workspace deleted", description: `“${workspace.title}” can be restored from “Show deleted” for 30 days.` });
      router.push(`/o/${org}/workspaces`);
    },
    onError: () => setFailure(UNREACHABLE),
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
      onConfirm={() => {
        setFailure(null);
        remove.mutate();
      }}
    />
  );
}
