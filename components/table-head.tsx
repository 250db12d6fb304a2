// The header row of a plain (non-sortable) table: a column heading per name, and a last column
// for row actions, named for screen readers only.

export interface TableHeadProps {
  columns: readonly string[];
  /** A trailing column holding each row's buttons. */
  actions?: boolean;
  className?: string;
  cellClassName?: string;
}

export function TableHead({ columns, actions = false, className = "bg-surface-2 text-xs text-muted uppercase", cellClassName = "px-3 py-2" }: TableHeadProps) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className={cellClassName}>
            {c}
          </th>
        ))}
        {actions ? (
          <th scope="col" className={cellClassName}>
            <span className="sr-only">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
