"use client";

// The parts of <DataTable> that run in the browser, so the table itself can render on the server:
// the sortable header button and the scroll box that keeps pinned columns clear.

import { useLayoutEffect, useRef, type ReactNode } from "react";
import { nextOrderBy } from "@/lib/console/order-by";
import { useUrlListContext } from "./url-list";

export function SortButton({ id, label, sorted, newestFirst, orderBy, onSort }: { id: string; label: ReactNode; sorted: false | "asc" | "desc"; newestFirst?: boolean; orderBy?: string; onSort?: (orderBy: string) => void }) {
  const list = useUrlListContext();
  const sort = (next: string) => (onSort ? onSort(next) : list?.refine(list.sortPatch(next)));
  return (
    <button
      type="button"
      onClick={() => sort(nextOrderBy(id, orderBy, newestFirst))}
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

/**
 * The table in its horizontal scroll box. Whatever is scrolled into view (a focused header
 * control, a clicked cell) stops short of the pinned columns instead of ending up under them: the
 * scroll box keeps their width clear. Busy while the table's own data or, on a server-rendered
 * list, the next render is on its way.
 */
export function TableScroller({ label, busy, pinned, className, children }: { label: string; busy: boolean; pinned: number; className: string; children: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const pending = useUrlListContext()?.pending ?? false;
  useLayoutEffect(() => {
    const box = scroller.current;
    const th = box?.querySelector<HTMLElement>("thead th[data-pinned]");
    if (!box || !th) return;
    const pad = () => (box.style.scrollPaddingInlineEnd = `${th.offsetWidth}px`);
    pad();
    const observer = new ResizeObserver(pad);
    observer.observe(th);
    return () => observer.disconnect();
  }, [pinned]);
  return (
    // relative: visually hidden (absolute) text in cells must stay inside the scroll box at 375 px.
    <div ref={scroller} className="relative overflow-x-auto">
      <table aria-label={label} aria-busy={busy || pending} data-busy={pending || undefined} className={`group/table ${className}`}>
        {children}
      </table>
    </div>
  );
}
