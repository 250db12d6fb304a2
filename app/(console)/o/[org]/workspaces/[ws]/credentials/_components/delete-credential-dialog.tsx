"use client";

import { ConfirmActionDialog } from "@/components/confirm-dialog";
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
    <ConfirmActionDialog
      open={credential !== null}
      onOpenChange={onOpenChange}
      title={`Delete “${credential?.name ?? ""}”?`}
      description="The credential and its encrypted configuration are deleted. Sources using it stop working. This cannot be undone."
      confirmLabel="Delete credential"
      onCloseAutoFocus={(e) => {
        e.preventDefault();
        onCloseAutoFocus();
      }}
      action={() => deleteCredentialAction(org, ws, credential?.credential_id ?? "")}
      invalidate={[credentialKeys.workspace(ws)]}
      done={{ title: "Credential deleted", description: `“${credential?.name ?? ""}” was deleted.` }}
    />
  );
}
