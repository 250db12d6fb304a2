"use client";

// The one form dialog: a Radix dialog holding a form, the server's refusal above the fields, and
// a footer with Cancel and a submit button that shows progress. Callers keep their fields and
// their mutation; open/close, focus (see dialog.tsx) and layout are the same everywhere.

import { useRef, type FormEvent, type ReactNode, type Ref } from "react";
import { ActionErrorAlert } from "./action-error";
import { Button, Spinner, type ButtonVariant } from "./button";
import { Dialog, DialogClose, DialogContent } from "./dialog";
import type { ActionFailure } from "@/lib/console/action-result";

export interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  /** The submit button's text, e.g. "Clone workspace". */
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The request is in flight: the submit button shows a spinner and further submits are ignored. */
  pending?: boolean;
  /** False keeps the submit button disabled (e.g. until the typed confirmation matches). */
  canSubmit?: boolean;
  failure?: ActionFailure | null;
  /** Replaces the failure's message where the dialog can say more precisely what happened. */
  failureMessage?: string;
  onSubmit: () => void;
  width?: string;
  /** Focus starts on Cancel instead of the first field (confirmations). */
  cancelFirst?: boolean;
  /** The fields. Rendered only while open, so each opening starts from a fresh state. */
  children?: ReactNode;
  /** Where focus goes on close; by default back to the opener (see dialog.tsx). */
  onCloseAutoFocus?: (event: Event) => void;
}

export function FormDialog({ open, onOpenChange, ...rest }: FormDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? <FormDialogContent {...rest} /> : null}
    </Dialog>
  );
}

function FormDialogContent({
  title,
  description,
  submitLabel,
  submitVariant = "primary",
  pending = false,
  canSubmit = true,
  failure = null,
  failureMessage,
  onSubmit,
  width,
  cancelFirst = false,
  children,
  onCloseAutoFocus,
}: Omit<FormDialogProps, "open" | "onOpenChange">) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending || !canSubmit) return;
    onSubmit();
  };
  return (
    <DialogContent
      title={title}
      description={description}
      width={width}
      onCloseAutoFocus={onCloseAutoFocus}
      onOpenAutoFocus={
        cancelFirst
          ? (e) => {
              e.preventDefault();
              cancelRef.current?.focus();
            }
          : undefined
      }
    >
      <form onSubmit={submit} noValidate className="flex flex-col">
        {children || failure ? (
          <div className="space-y-5 px-5 py-5">
            <ActionErrorAlert failure={failure} message={failureMessage} />
            {children}
          </div>
        ) : null}
        <DialogFooter ref={cancelRef} submitLabel={submitLabel} variant={submitVariant} pending={pending} disabled={!canSubmit} />
      </form>
    </DialogContent>
  );
}

/**
 * The footer of every dialog form: Cancel (closes) and the submit button with its progress. For
 * dialogs that lay out their own form body (several sections, a result view after success).
 */
export function DialogFooter({
  submitLabel,
  variant = "primary",
  pending = false,
  disabled = false,
  ref,
}: {
  submitLabel: string;
  variant?: ButtonVariant;
  pending?: boolean;
  disabled?: boolean;
  /** The Cancel button, for dialogs that start focus there. */
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="sticky bottom-0 flex flex-col-reverse gap-2 border-t border-border bg-surface px-5 py-4 sm:flex-row sm:justify-end">
      <DialogClose asChild>
        <Button ref={ref} variant="secondary">
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" variant={variant} disabled={pending || disabled}>
        {pending ? <Spinner /> : null}
        {submitLabel}
      </Button>
    </div>
  );
}
