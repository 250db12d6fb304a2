"use client";

// The one confirm dialog: a question, what will happen, Cancel (focused first, so Enter never
// confirms a destructive change by accident) and the confirming button. A form dialog without
// fields, except that focus starts on Cancel.

import type { ReactNode } from "react";
import type { ButtonVariant } from "./button";
import { FormDialog } from "./form-dialog";
import type { ActionFailure } from "@/lib/console/action-result";

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
}

export function ConfirmDialog({ confirmLabel, variant = "danger", onConfirm, children, ...rest }: ConfirmDialogProps) {
  return (
    <FormDialog {...rest} submitLabel={confirmLabel} submitVariant={variant} onSubmit={onConfirm} cancelFirst>
      {children}
    </FormDialog>
  );
}
