"use client";

// A button that may be unavailable for a reason the user should read before clicking: a missing
// permission, the last admin, a read-only workspace. Unavailable, it stays in place, aria-disabled
// (still focusable, so keyboard users reach the explanation) and described by a tooltip with the
// reason. The server refuses anyway; this only avoids a button that would fail.

import { forwardRef, useId, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

export interface ReasonButtonProps extends ButtonProps {
  /** Why the button cannot be used; empty or undefined when it can. */
  disabledReason?: string;
  /** Which side the tooltip hugs; "left" for buttons near a table's right edge. */
  tipAlign?: "left" | "right";
  children: ReactNode;
}

export const ReasonButton = forwardRef<HTMLButtonElement, ReasonButtonProps>(function ReasonButton(
  { disabledReason, tipAlign = "right", children, onClick, className = "", ...props },
  ref,
) {
  const tipId = useId();
  if (!disabledReason) {
    return (
      <Button ref={ref} onClick={onClick} className={className} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <span className="group relative inline-flex">
      <Button
        ref={ref}
        {...props}
        className={className}
        aria-disabled="true"
        aria-describedby={tipId}
        data-disabled-reason={disabledReason}
        onClick={(e) => e.preventDefault()}
      >
        {children}
      </Button>
      <span
        role="tooltip"
        id={tipId}
        className={`pointer-events-none invisible absolute top-full z-20 mt-2 w-max max-w-[min(18rem,80vw)] rounded-md bg-gray-900 px-2.5 py-1.5 text-left text-xs font-medium whitespace-normal text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-gray-100 dark:text-gray-900 ${
          tipAlign === "right" ? "right-0" : "left-0"
        }`}
      >
        {disabledReason}
      </span>
    </span>
  );
});
