"use client";

// Delete the organization (owner only; soft, restorable for 30 days) after its name is typed.
// Afterwards the owner lands on the home page, which lists it with "Restore".

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { TypeToConfirmDialog } from "@/components/type-to-confirm-dialog";
import { useToast } from "@/components/toast";
import { useActionMutation } from "@/components/use-action-mutation";
import { organizationKeys } from "@/lib/console/query-keys";
import { deleteOrganizationAction } from "../actions";

export interface DeleteOrganizationDialogProps {
  org: string;
  title: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function DeleteOrganizationDialog({ org, title, open, onOpenChange }: DeleteOrganizationDialogProps) {
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();

  const { mutation: remove, failure } = useActionMutation(() => deleteOrganizationAction(org), {
    onOk: async () => {
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      toast({ title: "Organization deleted", description: `“${title}” can be restored from the home page for 30 days.` });
      router.push("/?home");
    },
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
      onConfirm={() => remove.mutate()}
    />
  );
}
