"use client";

// The one pagination bar for keyset-paged tables: "Showing 26–50 of 312" (the range when the page
// number is known, the total when the API gives one) and Previous / Next.

import { formatCount } from "@/lib/console/format";
import { Button } from "./button";
import { useDisplayPreferences } from "./display-preferences";

export interface Pager {
  /** 1-based page number, when the page history knows it. */
  page: number | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
  /** A page is being fetched while the previous one stays on screen. */
  busy: boolean;
  previous: () => void;
  next: () => void;
  first: () => void;
}

export interface PaginationProps {
  pager: Pager;
  /** Rows on this page. */
  shown: number;
  pageSize: number;
  /** The API's total_size, when the list has one. */
  total?: number;
  /** What is counted, singular and plural, e.g. ["person", "people"]. */
  noun: [string, string];
  /** The landmark's name, e.g. "Members pagination", when a page holds more than one list. */
  label?: string;
}

export function Pagination({ pager, shown, pageSize, total, noun, label = "Pagination" }: PaginationProps) {
  const from = pager.page && shown ? (pager.page - 1) * pageSize + 1 : undefined;
  const prefs = useDisplayPreferences();
  // Numbers as the workspace's (or organization's) preferences write them: "1,312" or "1.312".
  const strong = (n: number) => <span className="font-medium text-fg tabular-nums">{formatCount(n, prefs)}</span>;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm">
      <p className="text-muted" aria-live="polite">
        {from ? (
          <>
            Showing {strong(from)}–{strong(from + shown - 1)}
            {total !== undefined ? <> of {strong(total)}</> : null}
          </>
        ) : total !== undefined ? (
          <>
            Showing {strong(shown)} of {strong(total)}
          </>
        ) : (
          <>
            Showing {strong(shown)} {shown === 1 ? noun[0] : noun[1]}
          </>
        )}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={pager.previous} disabled={!pager.hasPrevious || pager.busy} aria-label="Previous page">
          Previous
        </Button>
        <Button variant="secondary" size="sm" onClick={pager.next} disabled={!pager.hasNext || pager.busy} aria-label="Next page">
          Next
        </Button>
      </div>
    </nav>
  );
}
