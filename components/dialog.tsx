"use client";

// Styled Radix Dialog: focus is trapped inside, Escape and the close button dismiss it, and the
// title names the dialog for assistive technology.
//
// Two things Radix leaves to the caller are settled here once, for every dialog:
// - Focus return. Radix returns focus to its own Dialog.Trigger; the console's dialogs are opened
//   from state (a row's button, a menu), so without help focus fell to <body> after Escape. The
//   element focused when the dialog opened is remembered and focused again on close (or <main>
//   when it is gone, e.g. a row that was removed).
// - First focus. Radix focuses the first tabbable element; the close button sits after the body
//   in DOM order (drawn in the corner), so a dialog opens on its first control, not on "Close",
//   where a stray Enter would dismiss it.
// Render DialogContent only while the dialog is open ({open ? <DialogContent …/> : null}): the
// opener is read when it first renders.

import * as RadixDialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export interface DialogContentProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Tailwind max-width class for the panel. */
  width?: string;
  onOpenAutoFocus?: (event: Event) => void;
  /** Where focus goes on close; call event.preventDefault() to take over. By default the opener. */
  onCloseAutoFocus?: (event: Event) => void;
}

export function DialogContent({ title, description, children, width = "max-w-lg", onOpenAutoFocus, onCloseAutoFocus }: DialogContentProps) {
  // Read while the dialog first renders, before React commits it: an autoFocus field inside
  // takes focus at commit, so by Radix's onOpenAutoFocus the opener is no longer active.
  const [opener] = useState<HTMLElement | null>(() => {
    if (typeof document === "undefined") return null;
    const active = document.activeElement;
    return active instanceof HTMLElement && active !== document.body ? active : null;
  });
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-overlay" />
      <RadixDialog.Content
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={(e) => {
          onCloseAutoFocus?.(e);
          if (e.defaultPrevented) return;
          e.preventDefault();
          const target = opener?.isConnected ? opener : document.getElementById("main");
          target?.focus();
        }}
        {...(description ? {} : { "aria-describedby": undefined })}
        className={`fixed inset-x-0 bottom-0 z-50 mx-auto flex max-h-[92dvh] w-full flex-col rounded-t-xl border border-border bg-surface shadow-2xl sm:top-1/2 sm:bottom-auto sm:-translate-y-1/2 sm:rounded-xl ${width}`}
      >
        <div className="border-b border-border py-4 pr-14 pl-5">
          <div className="min-w-0">
            <RadixDialog.Title className="text-lg font-semibold break-words">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm break-words text-muted">{description}</RadixDialog.Description>
            ) : null}
          </div>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
        <RadixDialog.Close
          className="absolute top-3.5 right-4 inline-flex size-9 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
          aria-label="Close"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
          </svg>
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
