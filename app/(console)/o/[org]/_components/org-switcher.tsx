"use client";

// Disclosure-style organization switcher: a button that shows a list of links. (A list of links
// is not an ARIA menu, so plain Tab/Shift+Tab navigation applies; Escape closes and refocuses.)

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";

export interface OrgSwitcherProps {
  current: { id: string; title: string };
  orgs: Array<{ id: string; title: string }>;
}

export function OrgSwitcher({ current, orgs }: OrgSwitcherProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="relative min-w-0"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-[11rem] min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-surface-2 sm:max-w-xs"
      >
        <span className="sr-only">Organization: </span>
        <span className="truncate">{current.title}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-muted" fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="M5 6.5 8 9.5l3-3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute top-full left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-surface p-1 shadow-lg"
      >
        <p className="px-3 pt-2 pb-1 text-xs font-medium text-muted">Your organizations</p>
        <ul className="max-h-72 overflow-y-auto">
          {orgs.map((o) => {
            const isCurrent = o.id === current.id;
            return (
              <li key={o.id}>
                <Link
                  href={`/o/${o.id}/workspaces`}
                  aria-current={isCurrent ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className="flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm hover:bg-surface-2"
                >
                  <span className="truncate">{o.title}</span>
                  {isCurrent ? (
                    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-link" fill="none" stroke="currentColor" strokeWidth="2">
                      <path d="m3.5 8.5 3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
                    </svg>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-1 border-t border-border pt-1">
          <Link href="/?new" onClick={() => setOpen(false)} className="block rounded-md px-3 py-2 text-sm text-link hover:bg-surface-2">
            Create organization
          </Link>
        </div>
      </div>
    </div>
  );
}
