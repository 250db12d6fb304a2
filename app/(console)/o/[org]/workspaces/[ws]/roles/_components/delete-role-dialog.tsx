"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { roleKeys } from "@/lib/console/query-keys";
import type { RoleOutput } from "@/lib/schemas/roles";
import { deleteRoleAction } from "../actions";

export interface DeleteRoleDialogProps {
  org: string;
  ws: string;
  role: RoleOutput | null;
  onOpenChange: (open: boolean) => void;
}

export function DeleteRoleDialog({ org, ws, role, onOpenChange }: DeleteRoleDialogProps) {
  return (
    <Dialog open={role !== null} onOpenChange={onOpenChange}>
      {role ? (
        <DialogContent
          title={`Delete role “${role.title}”?`}
          description="The role and its permission list are deleted. This cannot be undone."
        >
          <DeleteForm key={role.role_id} org={org} ws={ws} role={role} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function DeleteForm({ org, ws, role, onDone }: { org: string; ws: string; role: RoleOutput; onDone: () => void }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: () => deleteRoleAction(org, ws, role.role_id, role.etag),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error);
        // The refusal may come from counts that changed since the page was read.
        await queryClient.invalidateQueries({ queryKey: roleKeys.workspace(ws) });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: roleKeys.workspace(ws) });
      toast({ title: "Role deleted", description: `“${role.title}” was deleted.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return (
    <div className="flex flex-col">
      {failure ? (
        <div className="px-5 pt-5">
          <ActionErrorAlert failure={failure} />
        </div>
      ) : null}
      <div className="flex flex-col-reverse gap-2 px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary" autoFocus>
            Cancel
          </Button>
        </DialogClose>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? <Spinner /> : null}
          Delete role
        </Button>
      </div>
    </div>
  );
}
