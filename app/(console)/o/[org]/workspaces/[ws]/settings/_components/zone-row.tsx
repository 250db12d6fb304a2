import type { ReactNode } from "react";

/** One action of the danger zone: what it does, and its button. */
export function ZoneRow({ title, children, action }: { title: string; children: ReactNode; action: ReactNode }) {
  return (
    <div className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <h3 className="text-sm font-semibold">{title}</h3>
        <div className="mt-0.5 text-sm text-muted">{children}</div>
      </div>
      <div className="shrink-0">{action}</div>
    </div>
  );
}
