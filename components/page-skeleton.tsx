// What a console page shows while the next one is rendered on the server: a named, busy region
// with the page's rough shape, so a slow link never leaves a click without an answer.

import { IdentitySkeleton, Skeleton } from "./states";

export function PageSkeleton({ label, rows = 6, aside = false }: { label: string; rows?: number; aside?: boolean }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className={aside ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start" : "space-y-5"}>
      <span className="sr-only">{label}</span>
      <div className="rounded-xl border border-border bg-surface p-5 shadow-sm">
        <Skeleton className="mb-5 h-5 w-40" />
        <div className="space-y-4">
          {Array.from({ length: rows }, (_, i) => (
            <IdentitySkeleton key={i} avatar="size-9 rounded-lg" lines={["w-1/2", "w-1/3"]} />
          ))}
        </div>
      </div>
      {aside ? (
        <div className="rounded-xl border border-border bg-surface p-5 shadow-sm">
          <Skeleton className="mb-4 h-4 w-24" />
          <Skeleton className="mb-2 h-3 w-full" />
          <Skeleton className="h-3 w-2/3" />
        </div>
      ) : null}
    </div>
  );
}
