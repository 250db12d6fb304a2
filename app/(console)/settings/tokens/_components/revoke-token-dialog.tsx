"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
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
    <Dialog open={token !== null} onOpenChange={onOpenChange}>
      {token ? (
        <DialogContent
          title={`Revoke “${token.display_name}”?`}
          description={`Every script or tool using the token ${token.prefix}… is refused from its next request on. This cannot be undone.`}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            onCloseAutoFocus();
          }}
        >
          <RevokeForm key={token.token_id} token={token} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function RevokeForm({ token, onDone }: { token: TokenOutput; onDone: () => void }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: () => revokeTokenAction(token.token_id),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.list() });
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      toast({ title: "Token revoked", description: `“${token.display_name}” no longer works.` });
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
        <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
          {revoke.isPending ? <Spinner /> : null}
          Revoke token
        </Button>
      </div>
    </div>
  );
}
