import { Skeleton } from "@/components/states";

/** Shown while the settings page's server component loads the organization and its members. */
export default function OrgSettingsLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        Loading organization settings…
      </p>
      <div className="space-y-2">
        <Skeleton className="h-7 w-64" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="space-y-4 rounded-xl border border-border bg-surface p-5 shadow-sm">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-9 w-full max-w-md" />
        <Skeleton className="size-16 rounded-xl" />
      </div>
      <div className="space-y-3 rounded-xl border border-border bg-surface p-5 shadow-sm">
        <Skeleton className="h-5 w-28" />
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    </div>
  );
}
