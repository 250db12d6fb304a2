"use client";

// The console's tooltip: a short text shown beside its trigger on hover (after a short delay) and on
// keyboard focus, staying while the pointer moves onto it, gone on Escape, blur, pointer leave or
// scroll (WCAG 1.4.13). Hand-written on purpose instead of Radix Tooltip: its tooltips sit in every
// table row (truncated titles, disabled buttons' reasons), so Radix's tooltip with its positioning
// engine (@floating-ui, ~14 kB gzip) was on the first load of every console page. This one is a
// portal with fixed coordinates from the trigger's box, nudged back into the viewport: what these
// one-line labels need.

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

export interface TipProps {
  /** What the tooltip says. */
  content: ReactNode;
  /** One element that can take focus (a button, a link, or text made focusable). */
  children: ReactNode;
  side?: "top" | "bottom";
  align?: "start" | "center" | "end";
  /** No tooltip at all (e.g. text that is not cut). */
  disabled?: boolean;
  /** Controlled opening (e.g. a click on a disabled button shows its reason). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Milliseconds of hover before it shows (focus shows it at once). */
  delay?: number;
  className?: string;
}

const GAP = 6;
const EDGE = 8;
const LEAVE_GRACE_MS = 120;

export function Tip({ content, children, side = "top", align = "center", disabled, open: openProp, onOpenChange, delay = 200, className = "" }: TipProps) {
  const [openState, setOpenState] = useState(false);
  const open = !disabled && (openProp ?? openState);
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      onOpenChange?.(next);
    },
    [onOpenChange],
  );
  const id = useId();
  const wrapRef = useRef<HTMLSpanElement | null>(null);
  const bubbleRef = useRef<HTMLDivElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  const clear = () => clearTimeout(timer.current);
  useEffect(() => clear, []);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    const onScroll = () => setOpen(false);
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onScroll);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onScroll);
    };
  }, [open, setOpen]);

  // Placed after it renders (its size is known then), kept inside the viewport.
  useLayoutEffect(() => {
    const trigger = wrapRef.current?.firstElementChild;
    const bubble = bubbleRef.current;
    if (!open || !trigger || !bubble) {
      setPosition(null);
      return;
    }
    const t = trigger.getBoundingClientRect();
    const b = bubble.getBoundingClientRect();
    let top = side === "top" ? t.top - GAP - b.height : t.bottom + GAP;
    if (top < EDGE) top = t.bottom + GAP;
    else if (top + b.height > window.innerHeight - EDGE && side === "bottom") top = Math.max(EDGE, t.top - GAP - b.height);
    let left = align === "start" ? t.left : align === "end" ? t.right - b.width : t.left + t.width / 2 - b.width / 2;
    left = Math.min(Math.max(EDGE, left), Math.max(EDGE, window.innerWidth - EDGE - b.width));
    setPosition({ top, left });
  }, [open, side, align, content]);

  return (
    <>
      {/* display: contents — the wrapper takes no box, so the trigger lays out as if it were alone;
          it only hears the trigger's pointer and focus events. */}
      <span
        ref={wrapRef}
        className="contents"
        onPointerEnter={(e) => {
          if (e.pointerType === "touch") return;
          clear();
          timer.current = setTimeout(() => setOpen(true), delay);
        }}
        onPointerLeave={() => {
          clear();
          timer.current = setTimeout(() => setOpen(false), LEAVE_GRACE_MS);
        }}
        onFocus={() => {
          clear();
          setOpen(true);
        }}
        onBlur={() => {
          clear();
          setOpen(false);
        }}
      >
        {children}
      </span>
      {open
        ? createPortal(
            <div
              ref={bubbleRef}
              id={id}
              role="tooltip"
              onPointerEnter={clear}
              onPointerLeave={() => setOpen(false)}
              style={{ position: "fixed", top: position?.top ?? 0, left: position?.left ?? 0, visibility: position ? "visible" : "hidden" }}
              className={`z-[70] rounded-md bg-gray-900 px-2.5 py-1.5 text-xs font-medium break-words text-white shadow-lg dark:bg-gray-100 dark:text-gray-900 ${className}`}
            >
              {content}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
