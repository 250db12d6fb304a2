"use client";

// Delete the organization (owner only; soft, restorable for 30 days) after its name is typed.
// Afterwards the owner lands on the home page, which lists it with "Restore".

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UNREACHABLE } from "@/components/action-error";
import { TypeToConfirmDialog } from "@/components/type-to-confirm-dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { organizationKeys } from "@/lib/console/query-keys";
import { deleteOrganizationAction } from "../actions";

export interface DeleteOrganizationDialogProps {
  org: string;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function DeleteOrganizationDialog({ org, title, open, onOpenChange }: DeleteOrganizationDialogProps) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const remove = useMutation({
    mutationFn: () => deleteOrganizationAction(org),
    onSuccess: async (result) => {
      if (!result.ok) return setFailure(result.error);
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      toast({ title: "Organization deleted", description: `“${title}” can be restored from the home page for 30 days.` });
      router.push("/?home");
    },
    onError: () => setFailure(UNREACHABLE),
  });

  return (
    <TypeToConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete organization"
      description={
        <>
          Everyone loses access to “{title}” and all of its workspaces at once. You can restore it for 30 days; then its workspaces, members,
          roles, invitations, preferences and credentials are purged. Its activity log is kept.
        </>
      }
      submitLabel="Delete organization"
      confirmText={title}
      pending={remove.isPending}
      failure={failure}
      onConfirm={() => {
        setFailure(null);
        remove.mutate();
      }}
    />
  );
}
