// The one table of the console's lists. Columns are @tanstack/react-table column definitions
// (display columns written as `ColumnDef` objects: `{ id, header, cell, meta }`), the sort is the server's (AIP-132 order_by — a page is
// never re-sorted in the browser, that would order 25 rows of thousands), paging is the URL
// list's keyset pager below the table, and the action column is pinned to the right edge so at
// 375 px the table scrolls inside its card with the actions in reach. A sortable header cycles
// between the two directions only (the API always has an order, there is no "unsorted"), and a
// date column sorts newest first on the first click.
//
// The definitions are drawn here, without tanstack's table engine: with server-side sorting and
// paging and display columns only, it did nothing but map columns to cells, and its core (every
// feature's code: sizing, selection, grouping, filtering, …) was ~13 kB gzip on the first load of
// every list page. Templates get what the console's columns use: a header nothing, a cell its
// `row` ({ original, id, index }). Accessor columns (accessorKey/accessorFn) are refused.

import type { CellContext, ColumnDef, HeaderContext, RowData } from "@tanstack/react-table";
import type { HTMLAttributes, ReactNode } from "react";
import { sortingOf } from "@/lib/console/order-by";
import { SortButton, TableScroller } from "./data-table-controls";
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
  /**
   * Rendered on the server inside a <UrlListProvider>: the sortable headers change the URL's
   * order and the table shows the provider's pending render as busy.
   */
  urlSort?: boolean;
  /** The width below which the table scrolls inside its card, e.g. "min-w-[52rem]". */
  minWidth: string;
  /** Ids of columns pinned to the right edge (actions). */
  pinRight?: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Column<T> = ColumnDef<T, any>;

function columnId<T>(column: Column<T>): string {
  if ("accessorKey" in column || "accessorFn" in column) throw new Error("DataTable draws display columns only ({ id, header, cell }).");
  if (!column.id) throw new Error("A DataTable column needs an id.");
  return column.id;
}

/**
 * A header or cell template called as a function, not mounted as a component. Column definitions
 * are rebuilt on each render, so as components every cell would be a new type and remount: the
 * button that opened a dialog would be replaced while the dialog is open, and focus could not go
 * back to it.
 */
function render<C>(template: ((ctx: C) => ReactNode) | ReactNode | undefined, ctx: C): ReactNode {
  return typeof template === "function" ? (template as (ctx: C) => ReactNode)(ctx) : template;
}

const headerContext = <T,>(id: string) => ({ column: { id } }) as unknown as HeaderContext<T, unknown>;
const cellContext = <T,>(original: T, id: string, index: number) => ({ row: { original, id, index } }) as unknown as CellContext<T, unknown>;

// The edge shows where pinned actions lie over the scrolled columns.
const PINNED = "sticky right-0 max-lg:shadow-[inset_1px_0_0_var(--color-border)]";

export function DataTable<T>({ label, columns, rows, rowId, rowProps, loading, busy, pageSize, orderBy, onSort, urlSort = false, minWidth, pinRight = [] }: DataTableProps<T>) {
  const [sort] = sortingOf(orderBy);
  const cols = columns.map((def) => {
    const id = columnId(def);
    const pinned = pinRight.includes(id);
    return { def, id, cellClass: `${pinned ? PINNED : ""} ${def.meta?.className ?? ""}`, pinned };
  });
  // Pinned columns last, as they are drawn at the right edge.
  const ordered = [...cols.filter((c) => !c.pinned), ...cols.filter((c) => c.pinned)];
  return (
    <TableScroller label={label} busy={loading || busy} pinned={pinRight.length} className={`w-full ${minWidth} text-left text-sm`}>
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          <tr>
            {ordered.map(({ def, id, cellClass, pinned }) => {
              const sorted = sort?.id === id ? (sort.desc ? "desc" : "asc") : false;
              // Only columns that say so sort: their ids are order_by fields the API accepts.
              const sortable = (Boolean(onSort) || urlSort) && def.enableSorting === true;
              const content = render(def.header, headerContext<T>(id));
              return (
                <th
                  key={id}
                  scope="col"
                  data-pinned={pinned || undefined}
                  aria-sort={sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                  className={`px-4 py-2.5 font-medium ${pinned ? "bg-surface-2" : ""} ${cellClass}`}
                >
                  {sortable ? (
                    <SortButton id={id} label={content} sorted={sorted} newestFirst={def.meta?.newestFirst} orderBy={orderBy} onSort={onSort} />
                  ) : (
                    content
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={`divide-y divide-border transition-opacity ${busy ? "opacity-60" : "group-data-busy/table:opacity-60"}`}>
          {loading
            ? Array.from({ length: Math.min(pageSize, 8) }, (_, i) => (
                <tr key={i}>
                  {ordered.map(({ def, id, cellClass, pinned }) => (
                    <td key={id} className={`px-4 py-3 ${pinned ? "bg-surface" : ""} ${cellClass}`}>
                      {def.meta?.skeleton ?? <Skeleton className="h-3.5 w-20" />}
                    </td>
                  ))}
                </tr>
              ))
            : rows.map((row, index) => {
                const key = rowId(row);
                return (
                  <tr key={key} {...rowProps?.(row)} className="hover:bg-surface-2/60">
                    {ordered.map(({ def, id, cellClass, pinned }) => (
                      <td key={id} className={`px-4 py-3 ${pinned ? "bg-surface" : ""} ${cellClass}`}>
                        {render(def.cell, cellContext(row, key, index))}
                      </td>
                    ))}
                  </tr>
                );
              })}
        </tbody>
    </TableScroller>
  );
}
