import type { ReactNode } from "react";

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
