"use client";

// The command palette (Ctrl/⌘-K, or the header's Search button): jump to a page, a workspace or
// a member, or run a common action. This is only its button and shortcut: the dialog, with cmdk,
// Radix dialog and the searches (command-palette-dialog.tsx), is fetched on the first opening,
// and a small "Loading…" stands in for it meanwhile, so none of it is on a page's first load.
// A plain import() rather than next/dynamic: next/dynamic's loader (~1.5 kB gzip with the
// request-storage shims it pulls in) was on every organization page for this one dialog.

import { useCallback, useEffect, useRef, useState } from "react";

export interface PaletteCommand {
  label: string;
  href: string;
  /** Extra words the command is found by. */
  keywords?: string[];
}

export interface CommandPaletteProps {
  org: string;
  pages: PaletteCommand[];
  /** Only the actions the caller may perform. */
  actions: PaletteCommand[];
}

const loadDialog = () => import("./command-palette-dialog");
type DialogModule = Awaited<ReturnType<typeof loadDialog>>;

function Loading() {
  return (
    <div className="fixed inset-0 z-50 bg-black/40">
      <p
        role="status"
        className="fixed top-[12vh] left-1/2 w-[36rem] max-w-[calc(100vw-2rem)] -translate-x-1/2 rounded-xl border border-border bg-surface px-4 py-3 text-sm text-muted shadow-xl"
      >
        Loading the command palette…
      </p>
    </div>
  );
}

export function CommandPalette(props: CommandPaletteProps) {
  const [open, setOpenState] = useState(false);
  const [dialog, setDialog] = useState<DialogModule | null>(null);
  // cmdk's dialog has no Radix trigger to give focus back to, so the palette remembers what had
  // focus when it opened (its button, or whatever Ctrl-K was pressed on) and returns it on close.
  const returnFocus = useRef<HTMLElement | null>(null);
  const setOpen = useCallback((next: boolean | ((was: boolean) => boolean)) => {
    // Fetched on the first opening (or earlier, on hover or focus); mounted from then on.
    void loadDialog().then(setDialog);
    setOpenState((was) => {
      const value = typeof next === "function" ? next(was) : next;
      if (value && !was) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (!value && was) {
        const target = returnFocus.current;
        setTimeout(() => target?.isConnected && target.focus(), 0);
      }
      return value;
    });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setOpen]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        // Fetch the dialog's code as soon as the pointer or focus is on the button.
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex shrink-0 items-center gap-2 rounded-md border border-border px-2 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-fg"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3 3" strokeLinecap="round" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd className="hidden rounded border border-border px-1 font-sans text-xs sm:inline">Ctrl K</kbd>
      </button>
      {dialog ? <dialog.default {...props} open={open} setOpen={setOpen} /> : open ? <Loading /> : null}
    </>
  );
}
