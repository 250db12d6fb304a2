"use client";

// Long text (a 256-character title, a long name) cut to one line with an ellipsis, and the full
// text in a tooltip on hover and on keyboard focus — only when it is really cut. A child that is
// already focusable (a link) becomes the tooltip's trigger; plain text becomes focusable only
// while it overflows, so short text costs no Tab stop.

import * as Tooltip from "@radix-ui/react-tooltip";
import { useLayoutEffect, useRef, useState, type ReactElement } from "react";

export interface TruncateProps {
  text: string;
  /** A focusable element showing the text (e.g. a Link with `truncate`); default a span. */
  children?: ReactElement;
  className?: string;
}

export function Truncate({ text, children, className = "" }: TruncateProps) {
  // Radix types the trigger as a button; the element is whatever `children` renders.
  const ref = useRef<HTMLButtonElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  const [open, setOpen] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
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
    <Tooltip.Root open={open && overflowing} onOpenChange={setOpen}>
      <Tooltip.Trigger asChild ref={ref}>
        {target}
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          side="top"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className="z-[70] max-w-[min(32rem,calc(100vw-1rem))] rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-medium break-words text-white shadow-lg dark:bg-gray-100 dark:text-gray-900"
        >
          {text}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
