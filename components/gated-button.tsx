"use client";

// A button the user may lack the permission for. Without it, the button stays in place but is
// aria-disabled (still focusable, so keyboard users reach the explanation) and a tooltip names the
// missing permission. The server refuses the change anyway; this only avoids a button that fails.

import { useId, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";

export interface GatedButtonProps extends ButtonProps {
  allowed: boolean;
  /** The permission the action needs, e.g. `create:Workspace`. */
  permission: string;
  children: ReactNode;
}

export function GatedButton({ allowed, permission, children, onClick, className = "", ...props }: GatedButtonProps) {
  const tipId = useId();
  if (allowed) {
    return (
      <Button onClick={onClick} className={className} {...props}>
        {children}
      </Button>
    );
  }
  return (
    <span className="group relative inline-flex">
      <Button
        {...props}
        className={className}
        aria-disabled="true"
        aria-describedby={tipId}
        onClick={(e) => e.preventDefault()}
      >
        {children}
      </Button>
      <span
        role="tooltip"
        id={tipId}
        className="pointer-events-none invisible absolute top-full right-0 z-20 mt-2 rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-medium whitespace-nowrap text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-gray-100 dark:text-gray-900"
      >
        Requires {permission}
      </span>
    </span>
  );
}
