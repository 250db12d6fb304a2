"use client";

// Long text (a 256-character title, a long name) cut to one line with an ellipsis, and the full
// text in a tooltip on hover and on keyboard focus — only when it is really cut. A child that is
// already focusable (a link) becomes the tooltip's trigger; plain text becomes focusable only
// while it overflows, so short text costs no Tab stop.

import * as Tooltip from "@radix-ui/react-tooltip";
import { FullTextBubble } from "./tooltip-bubble";
import { useLayoutEffect, useRef, useState, type ReactElement, type RefObject } from "react";

export interface TruncateProps {
  text: string;
  /** A focusable element showing the text (e.g. a Link with `truncate`); default a span. */
  children?: ReactElement;
  className?: string;
}

/**
 * Whether the element, or a `truncate` line inside it, is cut short: measured on layout and
 * whenever it resizes, and again when `text` changes.
 */
export function useIsCut(ref: RefObject<HTMLElement | null>, text: string): boolean {
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const lines = [el, ...el.querySelectorAll<HTMLElement>(".truncate")];
    const measure = () => setCut(lines.some((l) => l.scrollWidth > l.clientWidth + 1));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, text]);
  return cut;
}

export function Truncate({ text, children, className = "" }: TruncateProps) {
  // Radix types the trigger as a button; the element is whatever `children` renders.
  const ref = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  const overflowing = useIsCut(ref, text);

  const target = children ?? (
    <span tabIndex={overflowing ? 0 : undefined} className={`block truncate ${className}`}>
      {text}
    </span>
  );

  return (
    <Tooltip.Root open={open && overflowing} onOpenChange={setOpen}>
      <Tooltip.Trigger asChild ref={ref}>
        {target}
      </Tooltip.Trigger>
      <FullTextBubble text={text} side="top" align="start" />
    </Tooltip.Root>
  );
}
