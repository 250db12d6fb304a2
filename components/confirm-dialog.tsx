"use client";

// The one confirm dialog: a question, what will happen, Cancel (focused first, so Enter never
// confirms a destructive change by accident) and the confirming button. A form dialog without
// fields, except that focus starts on Cancel.

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { UNREACHABLE } from "./action-error";
import type { ButtonVariant } from "./button";
import { FormDialog } from "./form-dialog";
import { showToast, type ToastInput } from "./toast";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  pending?: boolean;
  failure?: ActionFailure | null;
  onConfirm: () => void;
  /** Extra content under the description, e.g. a list of what is affected. */
  children?: ReactNode;
  /** Where focus goes on close, when not back to the opener (e.g. the opener's row is gone). */
  onCloseAutoFocus?: (event: Event) => void;
}

export function ConfirmDialog({ confirmLabel, variant = "danger", onConfirm, children, ...rest }: ConfirmDialogProps) {
  return (
    <FormDialog {...rest} submitLabel={confirmLabel} submitVariant={variant} onSubmit={onConfirm} cancelFirst>
      {children}
    </FormDialog>
  );
}

export interface ConfirmActionDialogProps<T> extends Omit<ConfirmDialogProps, "pending" | "failure" | "onConfirm"> {
  /** The server action the confirmation runs. */
  action: () => Promise<ActionOutcome<T>>;
  /** Lists to refresh after the attempt, refused or not (a refusal may come from data that changed). */
  invalidate?: readonly QueryKey[];
  /** The success toast; the dialog closes, then `onDone` runs. */
  done: ToastInput;
  onDone?: (data: T) => void;
}

/**
 * A confirmation that runs one server action: Delete role, Revoke token, Delete credential,
 * Remove member. The refusal stays in the dialog with its request id; success closes it with a
 * toast. Each caller says only what is confirmed and which lists change.
 */
export function ConfirmActionDialog<T>({ action, invalidate = [], done, onDone, onOpenChange, ...rest }: ConfirmActionDialogProps<T>) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: action,
    onSuccess: async (result) => {
      await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      showToast(done);
      onOpenChange(false);
      onDone?.(result.data);
    },
    onError: () => setFailure(UNREACHABLE),
  });
  return (
    <ConfirmDialog
      {...rest}
      onOpenChange={(open) => {
        // Each opening starts clean: an earlier refusal belongs to an earlier attempt.
        if (!open) setFailure(null);
        onOpenChange(open);
      }}
      pending={run.isPending}
      failure={failure}
      onConfirm={() => run.mutate()}
    />
  );
}
