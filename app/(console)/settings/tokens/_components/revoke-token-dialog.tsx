"use client";

import { ConfirmActionDialog } from "@/components/confirm-dialog";
import { tokenKeys } from "@/lib/console/query-keys";
import type { TokenOutput } from "@/lib/schemas/tokens";
import { revokeTokenAction } from "../actions";

export interface RevokeTokenDialogProps {
  token: TokenOutput | null;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: () => void;
}

export function RevokeTokenDialog({ token, onOpenChange, onCloseAutoFocus }: RevokeTokenDialogProps) {
  return (
    <ConfirmActionDialog
      open={token !== null}
      onOpenChange={onOpenChange}
      title={`Revoke “${token?.display_name ?? ""}”?`}
      description={`Every script or tool using the token ${token?.prefix ?? ""}… is refused from its next request on. This cannot be undone.`}
      confirmLabel="Revoke token"
      onCloseAutoFocus={(e) => {
        e.preventDefault();
        onCloseAutoFocus();
      }}
      action={() => revokeTokenAction(token?.token_id ?? "")}
      invalidate={[tokenKeys.list()]}
      done={{ title: "Token revoked", description: `“${token?.display_name ?? ""}” no longer works.` }}
    />
  );
}
