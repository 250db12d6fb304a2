"use client";

// A button that cannot be used right now for a reason the user should read before clicking: a
// missing permission, or a rule such as "the owner cannot be removed". Like GatedButton, it stays
// focusable (aria-disabled) and its tooltip, also its description, says why.

import { useId, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/button";

export interface ExplainedButtonProps extends ButtonProps {
  /** Why the button is unavailable; absent when it may be used. */
  reason?: string;
  children: ReactNode;
}

export function ExplainedButton({ reason, children, onClick, className = "", ...props }: ExplainedButtonProps) {
  const tipId = useId();
  if (!reason) {
    return (
      <Button onClick={onClick} className={className} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <span className="group relative inline-flex">
      <Button {...props} className={className} aria-disabled="true" aria-describedby={tipId} onClick={(e) => e.preventDefault()}>
        {children}
      </Button>
      <span
        role="tooltip"
        id={tipId}
        className="pointer-events-none invisible absolute top-full right-0 z-20 mt-2 w-max max-w-64 rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-medium whitespace-normal text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-gray-100 dark:text-gray-900"
      >
        {reason}
      </span>
    </span>
  );
}

/** The reason a permission-gated control is unavailable, in GatedButton's words. */
export function requires(allowed: boolean, permission: string): string | undefined {
  return allowed ? undefined : `Requires ${permission}`;
}
