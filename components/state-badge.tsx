const styles: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-800 ring-green-700/20 dark:bg-green-400/10 dark:text-green-300 dark:ring-green-400/30",
  DISABLED: "bg-amber-100 text-amber-900 ring-amber-700/25 dark:bg-amber-400/10 dark:text-amber-200 dark:ring-amber-400/30",
  TERMINATED: "bg-red-100 text-red-800 ring-red-700/20 dark:bg-red-400/10 dark:text-red-300 dark:ring-red-400/30",
  DELETED: "bg-gray-100 text-gray-700 ring-gray-600/20 dark:bg-gray-400/10 dark:text-gray-300 dark:ring-gray-400/30",
};

const labels: Record<string, string> = {
  ACTIVE: "Active",
  DISABLED: "Disabled",
  TERMINATED: "Terminated",
  DELETED: "Deleted",
};

/** A workspace state as a colored pill; the word carries the meaning, the color only repeats it. */
export function StateBadge({ state }: { state: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${styles[state] ?? styles.DELETED}`}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {labels[state] ?? state}
    </span>
  );
}
