"use client";

// A timestamp shown in the reader's time zone. The server does not know that zone, so the first
// render (server and hydration) shows the UTC date, and the browser swaps in the local one.

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

export interface LocalTimeProps {
  iso: string;
  /** "date": Nov 22, 2026. "datetime": Nov 22, 2026, 4:45 AM. */
  format?: "date" | "datetime";
}

export function LocalTime({ iso, format = "date" }: LocalTimeProps) {
  const onClient = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>—</span>;
  const options: Intl.DateTimeFormatOptions =
    format === "date" ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  const text = new Intl.DateTimeFormat(onClient ? undefined : "en-US", { ...options, timeZone: onClient ? undefined : "UTC" }).format(date);
  return (
    <time dateTime={iso} title={onClient ? date.toLocaleString() : iso}>
      {text}
    </time>
  );
}
