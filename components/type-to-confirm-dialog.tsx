"use client";

// A destructive change confirmed by typing the name of what it destroys (a workspace's title, an
// organization's name): the submit button stays disabled until the text matches exactly.

import { useId, useState, type ReactNode } from "react";
import type { ActionFailure } from "@/lib/console/action-result";
import { Field, controlProps, fieldIds, inputClass } from "./field";
import { FormDialog } from "./form-dialog";

export interface TypeToConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  submitLabel: string;
  /** What must be typed, exactly. */
  confirmText: string;
  pending: boolean;
  failure: ActionFailure | null;
  failureMessage?: string;
  onConfirm: () => void;
}

export function TypeToConfirmDialog({ confirmText, onConfirm, onOpenChange, ...rest }: TypeToConfirmDialogProps) {
  const confirmIds = fieldIds(`${useId()}-confirm`);
  const [typed, setTyped] = useState("");
  return (
    <FormDialog
      {...rest}
      onOpenChange={(next) => {
        if (!next) setTyped("");
        onOpenChange(next);
      }}
      submitVariant="danger"
      canSubmit={typed === confirmText}
      onSubmit={onConfirm}
    >
      <Field
        ids={confirmIds}
        label={
          <>
            Type <span className="font-mono font-semibold break-all select-all">{confirmText}</span> to confirm
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
