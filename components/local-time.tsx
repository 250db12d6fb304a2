"use client";

// A timestamp rendered with the effective preferences of the page (zone named), the same on the
// server and in every reader's browser. "relative" shows "3 hours ago", the full date on hover
// and focus (or printed below it); it is worked out against the clock once the page runs in the
// browser.

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, formatRelative } from "@/lib/console/format";
import { useDisplayPreferences } from "./display-preferences";

const subscribe = () => () => {};

export interface LocalTimeProps {
  iso: string;
  /** "date": 2026-12-02. "datetime": 2026-12-02, 14:05 CET. "relative": 3 hours ago. */
  format?: "date" | "datetime" | "relative";
  /**
   * Where a relative time's full date is. "focus" (the default): on hover and focus, which makes
   * the time a Tab stop. "below": printed under it. "hidden": read by screen readers only, where
   * the page offers the full dates another way (a column's own switch). The last two cost no Tab
   * stop, so a long table is not one Tab stop per row.
   */
  fullDate?: "focus" | "below" | "hidden";
}

export function LocalTime({ iso, format = "date", fullDate = "focus" }: LocalTimeProps) {
  const prefs = useDisplayPreferences();
  const onClient = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>—</span>;
  const full = formatDateTime(date, prefs);
  const text = format === "date" ? formatDate(date, prefs) : format === "relative" && onClient ? formatRelative(date, new Date()) : full;
  if (format === "relative" && fullDate === "below") {
    return (
      <time dateTime={iso} title={full}>
        <span className="block">{text}</span>
        {text === full ? null : <span className="block text-xs text-muted">{full}</span>}
      </time>
    );
  }
  if (format === "relative" && fullDate === "hidden") {
    return (
      <time dateTime={iso} title={full}>
        {text}
        <span className="sr-only"> ({full})</span>
      </time>
    );
  }
  return (
    <time dateTime={iso} title={full} tabIndex={format === "relative" ? 0 : undefined} aria-label={format === "relative" ? `${text} (${full})` : undefined}>
      {text}
    </time>
  );
}
