"use client";

// The one "disabled with a reason" control. A button that cannot be used right now — a missing
// permission, the last admin, a read-only workspace — stays in place and focusable
// (aria-disabled, never `disabled`, so keyboard users reach it), its reason is its accessible
// description (an always-present hidden text, so screen readers read it on focus), and a tooltip
// (components/tip.tsx) shows the same words on hover, on keyboard focus and on a click or tap.
// Escape closes the tooltip (WCAG 1.4.13). The server refuses the change anyway; this only avoids
// a button that would fail without saying why.

import { forwardRef, useId, useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { Tip } from "./tip";

export interface ReasonButtonProps extends ButtonProps {
  /** Why the button cannot be used; empty or undefined when it can. */
  reason?: string;
  /** Where the tooltip sits; "start"/"end" align it with the button's edges. */
  tipAlign?: "start" | "center" | "end";
  children: ReactNode;
}

export const ReasonButton = forwardRef<HTMLButtonElement, ReasonButtonProps>(function ReasonButton(
  { reason, tipAlign = "end", children, onClick, disabled, ...props },
  ref,
) {
  const descId = useId();
  const [open, setOpen] = useState(false);
  if (!reason) {
    return (
      <Button ref={ref} onClick={onClick} disabled={disabled} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <>
      <Tip content={reason} open={open} onOpenChange={setOpen} side="bottom" align={tipAlign} className="max-w-[min(20rem,calc(100vw-1rem))]">
        <Button
          ref={ref}
          {...props}
          aria-disabled="true"
          aria-describedby={descId}
          data-disabled-reason={reason}
          onClick={(e) => {
            e.preventDefault();
            setOpen(true);
          }}
        >
          {children}
        </Button>
      </Tip>
      <span id={descId} hidden>
        {reason}
      </span>
    </>
  );
});

/** A visible note beside a group of controls that cannot be used, e.g. a read-only form. */
export function ReasonNote({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "warning" }) {
  return (
    <p
      role="note"
      className={
        tone === "warning"
          ? "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100"
          : "rounded-md border border-border bg-surface-2 px-3 py-2 text-sm"
      }
    >
      {children}
    </p>
  );
}
