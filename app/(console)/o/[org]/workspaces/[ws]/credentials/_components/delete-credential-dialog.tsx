"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
import { credentialKeys } from "@/lib/console/query-keys";
import type { CredentialOutput } from "@/lib/schemas/credentials";
import { deleteCredentialAction } from "../actions";

export interface DeleteCredentialDialogProps {
  org: string;
  ws: string;
  credential: CredentialOutput | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: () => void;
}

export function DeleteCredentialDialog({ org, ws, credential, onOpenChange, onCloseAutoFocus }: DeleteCredentialDialogProps) {
  return (
    <Dialog open={credential !== null} onOpenChange={onOpenChange}>
      {credential ? (
        <DialogContent
          title={`Delete “${credential.name}”?`}
          description="The credential and its encrypted configuration are deleted. Sources using it stop working. This cannot be undone."
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onCloseAutoFocus();
          }}
        >
          <DeleteForm key={credential.credential_id} org={org} ws={ws} credential={credential} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function DeleteForm({ org, ws, credential, onDone }: { org: string; ws: string; credential: CredentialOutput; onDone: () => void }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: () => deleteCredentialAction(org, ws, credential.credential_id),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: credentialKeys.workspace(ws) });
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      toast({ title: "Credential deleted", description: `“${credential.name}” was deleted.` });
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
          Delete credential
        </Button>
      </div>
    </div>
  );
}
