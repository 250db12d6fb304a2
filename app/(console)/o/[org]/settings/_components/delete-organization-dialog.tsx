"use client";

// Delete the organization (owner only; soft, restorable for 30 days) after its name is typed.
// Afterwards the owner lands on the home page, which lists it with "Restore".

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { UNREACHABLE } from "@/components/action-error";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { FormDialog } from "@/components/form-dialog";
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
  const uid = useId();
  const confirmIds = fieldIds(`${uid}-confirm`);
  const [typed, setTyped] = useState("");
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
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped("");
        onOpenChange(next);
      }}
      title="Delete organization"
      description={
        <>
          Everyone loses access to “{title}” and all of its workspaces at once. You can restore it for 30 days; then its workspaces, members,
          roles, invitations, preferences and credentials are purged. Its activity log is kept.
        </>
      }
      submitLabel="Delete organization"
      submitVariant="danger"
      pending={remove.isPending}
      canSubmit={typed === title}
      failure={failure}
      onSubmit={() => {
        setFailure(null);
        remove.mutate();
      }}
    >
      <Field
        ids={confirmIds}
        label={
          <>
            Type <span className="font-mono font-semibold break-all select-all">{title}</span> to confirm
          </>
        }
      >
        <input
          {...controlProps(confirmIds, {})}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          className={inputClass}
        />
      </Field>
    </FormDialog>
  );
}
