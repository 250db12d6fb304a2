"use client";

// Long text (a 256-character title, a long name) cut to one line with an ellipsis, and the full
// text in a tooltip on hover and on keyboard focus — only when it is really cut. A child that is
// already focusable (a link) becomes the tooltip's trigger; plain text becomes focusable only
// while it overflows, so short text costs no Tab stop.

import { useLayoutEffect, useRef, useState, type ReactElement, type RefObject } from "react";
import { Tip } from "./tip";

export interface TruncateProps {
  text: string;
  /** A focusable element showing the text (e.g. a Link with `truncate`); default a span. */
  children?: ReactElement;
  className?: string;
}

export function Truncate({ text, children, className = "" }: TruncateProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [overflowing, setOverflowing] = useState(false);

  useLayoutEffect(() => {
    // The element showing the text (the given child, or the span below), inside Tip's wrapper.
    const el = ref.current?.firstElementChild?.firstElementChild;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);

  const target = children ?? (
    <span tabIndex={overflowing ? 0 : undefined} className={`block truncate ${className}`}>
      {text}
    </span>
  );

  return (
    <span ref={ref} className="contents">
      <Tip content={text} disabled={!overflowing} side="top" align="start" className="max-w-[min(32rem,calc(100vw-1rem))]">
        {target}
      </Tip>
    </span>
  );
}

/**
 * Whether a `truncate` line inside the element is cut short, measured on layout and on every
 * resize: for a control whose label is cut inside it (a menu button), which then shows the whole
 * label in a Tip on hover and focus.
 */
export function useIsCut(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const lines = [...el.querySelectorAll<HTMLElement>(".truncate")];
    const measure = () => setCut(lines.some((l) => l.scrollWidth > l.clientWidth + 1));
    measure();
    // Each line, not the element: it may be a display: contents wrapper, which has no box to observe.
    const observer = new ResizeObserver(measure);
    for (const line of lines) observer.observe(line);
    return () => observer.disconnect();
  }, [ref, text]);
  return cut;
}
