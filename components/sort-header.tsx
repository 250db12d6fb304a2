"use client";

// A sortable column header for server-sorted tables (AIP-132 order_by): a button in the <th>,
// aria-sort on the header, and the next order on click — text columns A→Z first, dates newest
// first, then the other way round.

export interface SortHeaderProps<S extends string> {
  /** The API field, e.g. "title" or "create_time". */
  field: string;
  label: string;
  /** The list's current order_by, e.g. "title desc". */
  orderBy: S;
  onSort: (orderBy: S) => void;
  /** Dates: the first click sorts newest first. */
  newestFirst?: boolean;
  className?: string;
}

export function SortHeader<S extends string>({ field, label, orderBy, onSort, newestFirst = false, className = "" }: SortHeaderProps<S>) {
  const asc = orderBy === field;
  const desc = orderBy === `${field} desc`;
  const next = (asc ? `${field} desc` : desc ? field : newestFirst ? `${field} desc` : field) as S;
  return (
    <th scope="col" aria-sort={asc ? "ascending" : desc ? "descending" : undefined} className={`px-4 py-2.5 ${className}`}>
      <button type="button" onClick={() => onSort(next)} className="group -mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:text-fg">
        {label}
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className={`size-3.5 ${asc || desc ? "text-fg" : "text-muted opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {desc ? <path d="M8 3v10M4 9l4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
        </svg>
      </button>
    </th>
  );
}
