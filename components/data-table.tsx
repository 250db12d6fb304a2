"use client";

// The one table of the console's lists, on @tanstack/react-table: columns are definitions, the
// sort is the server's (AIP-132 order_by, manualSorting — a page is never re-sorted in the
// browser, that would order 25 rows of thousands), paging is the URL list's keyset pager below
// the table, and the action column is pinned to the right edge so at 375 px the table scrolls
// inside its card with the actions in reach. Two choices differ from the library's defaults, on
// purpose: a sortable header cycles between the two directions only (the API always has an
// order, there is no "unsorted"), and a date column sorts newest first on the first click.

import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type RowData,
} from "@tanstack/react-table";
import type { HTMLAttributes, ReactNode } from "react";
import { nextOrderBy, sortingOf } from "@/lib/console/order-by";
import { Skeleton } from "./states";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Dates: the first click sorts newest first. */
    newestFirst?: boolean;
    /** Classes of the header and of each cell (padding is the table's). */
    className?: string;
    /** What a loading row shows in this column. */
    skeleton?: ReactNode;
  }
}

export interface DataTableProps<T> {
  /** The table's accessible name, e.g. "Members". */
  label: string;
  /** Column ids of sortable columns are the API's order_by fields ("title", "create_time"). */
  // Cells of different columns have different value types; the table does not care.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  rows: T[];
  rowId: (row: T) => string;
  /** Extra attributes of a row (e.g. data-* hooks for tests). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** No data yet: skeleton rows. */
  loading: boolean;
  /** The previous page stays on screen while the next one loads. */
  busy: boolean;
  pageSize: number;
  /** The list's order_by ("title desc"), and how to ask for another. */
  orderBy?: string;
  onSort?: (orderBy: string) => void;
  /** The width below which the table scrolls inside its card, e.g. "min-w-[52rem]". */
  minWidth: string;
  /** Ids of columns pinned to the right edge (actions). */
  pinRight?: string[];
}

function SortButton<T>({ header, orderBy, onSort }: { header: Header<T, unknown>; orderBy?: string; onSort: (orderBy: string) => void }) {
  const sorted = header.column.getIsSorted();
  const label = render(header.column.columnDef.header, header.getContext());
  return (
    <button
      type="button"
      onClick={() => onSort(nextOrderBy(header.column.id, orderBy, header.column.columnDef.meta?.newestFirst))}
      className="group -mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:text-fg"
    >
      {label}
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className={`size-3.5 ${sorted ? "text-fg" : "text-muted opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {sorted === "desc" ? <path d="M8 3v10M4 9l4 4 4-4" /> : <path d="M8 13V3M4 7l4-4 4 4" />}
      </svg>
    </button>
  );
}

// The edge shows where pinned actions lie over the scrolled columns.
const PINNED = "sticky right-0 max-lg:shadow-[inset_1px_0_0_var(--color-border)]";

/**
 * A header or cell template called as a function, not mounted as a component (tanstack's
 * flexRender mounts functions as components). Column definitions are rebuilt on each render, so
 * as components every cell would be a new type and remount: the button that opened a dialog
 * would be replaced while the dialog is open, and focus could not go back to it.
 */
function render<C>(template: ((ctx: C) => ReactNode) | ReactNode | undefined, ctx: C): ReactNode {
  return typeof template === "function" ? (template as (ctx: C) => ReactNode)(ctx) : template;
}

export function DataTable<T>({ label, columns, rows, rowId, rowProps, loading, busy, pageSize, orderBy, onSort, minWidth, pinRight = [] }: DataTableProps<T>) {
  // The compiler leaves this component unmemoized (the table instance is mutable); it is cheap:
  // one page of rows.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: sortingOf(orderBy), columnPinning: { right: pinRight } },
  });
  const leaves = table.getVisibleLeafColumns();

  return (
    // relative: visually hidden (absolute) text in cells must stay inside the scroll box at 375 px.
    <div className="relative overflow-x-auto">
      <table aria-label={label} aria-busy={loading || busy} className={`w-full ${minWidth} text-left text-sm`}>
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                // Only columns that say so sort: their ids are order_by fields the API accepts.
                const sortable = Boolean(onSort) && header.column.columnDef.enableSorting === true;
                const pinned = header.column.getIsPinned() === "right";
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    className={`px-4 py-2.5 font-medium ${pinned ? `${PINNED} bg-surface-2` : ""} ${header.column.columnDef.meta?.className ?? ""}`}
                  >
                    {header.isPlaceholder ? null : sortable && onSort ? (
                      <SortButton header={header as Header<T, unknown>} orderBy={orderBy} onSort={onSort} />
                    ) : (
                      render(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className={`divide-y divide-border transition-opacity ${busy ? "opacity-60" : ""}`}>
          {loading
            ? Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
                <tr key={i}>
                  {leaves.map((column) => (
                    <td
                      key={column.id}
                      className={`px-4 py-3 ${column.getIsPinned() === "right" ? `${PINNED} bg-surface` : ""} ${column.columnDef.meta?.className ?? ""}`}
                    >
                      {column.columnDef.meta?.skeleton ?? <Skeleton className="h-3.5 w-20" />}
                    </td>
                  ))}
                </tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <tr key={row.id} {...rowProps?.(row.original)} className="hover:bg-surface-2/60">
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={`px-4 py-3 ${cell.column.getIsPinned() === "right" ? `${PINNED} bg-surface` : ""} ${cell.column.columnDef.meta?.className ?? ""}`}
                    >
                      {render(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
