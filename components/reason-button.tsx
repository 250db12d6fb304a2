"use client";

// The one "disabled with a reason" control (a button, or a checkbox in a permission matrix). A
// control that cannot be used right now — a missing permission, the last admin, a read-only
// workspace — stays in place and focusable (aria-disabled, never `disabled`, so keyboard users
// reach it), its reason is its accessible description (an always-present hidden text, so screen
// readers read it on focus), and a tooltip (components/tip.tsx) shows the same words on hover, on
// keyboard focus and on a click or tap. Escape closes the tooltip (WCAG 1.4.13). The server
// refuses the change anyway; this only avoids a control that would fail without saying why.

import { forwardRef, useId, useState, type MouseEvent, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { Tip } from "./tip";

export type TipAlign = "start" | "center" | "end";

/** What a control that cannot be used carries: focusable, its reason as its description, a click that only shows the reason. */
interface ReasonedProps {
  "aria-disabled": "true";
  "aria-describedby": string;
  "data-disabled-reason": string;
  onClick: (e: MouseEvent<HTMLElement>) => void;
}

/** The reason's tooltip (hover, focus, click) and its hidden text, around the control `children` renders. */
export function Reasoned({ reason, tip = reason, tipAlign, children }: { reason: string; tip?: ReactNode; tipAlign: TipAlign; children: (props: ReasonedProps) => ReactNode }) {
  const descId = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tip content={tip} open={open} onOpenChange={setOpen} side="bottom" align={tipAlign} className="max-w-[min(20rem,calc(100vw-1rem))]">
        {children({
          "aria-disabled": "true",
          "aria-describedby": descId,
          "data-disabled-reason": reason,
          onClick: (e) => {
            e.preventDefault();
            setOpen(true);
          },
        })}
      </Tip>
      <span id={descId} hidden>
        {reason}
      </span>
    </>
  );
}

export interface ReasonButtonProps extends ButtonProps {
  /** Why the button cannot be used; empty or undefined when it can. */
  reason?: string;
  /** Where the tooltip sits; "start"/"end" align it with the button's edges. */
  tipAlign?: TipAlign;
  children: ReactNode;
}

export const ReasonButton = forwardRef<HTMLButtonElement, ReasonButtonProps>(function ReasonButton(
  { reason, tipAlign = "end", children, onClick, disabled, ...props },
  ref,
) {
  if (!reason) {
    return (
      <Button ref={ref} onClick={onClick} disabled={disabled} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <Reasoned reason={reason} tipAlign={tipAlign}>
      {(reasoned) => (
        <Button ref={ref} {...props} {...reasoned}>
          {children}
        </Button>
      )}
    </Reasoned>
  );
});
