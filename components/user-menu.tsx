"use client";

// The signed-in user's menu in the console header: who is signed in, their account pages
// (personal access tokens) and signing out. A disclosure (button + list of links): Escape and a
// click outside close it, and focus goes back to the button. A long name or address is cut to the
// room the header leaves it, and shown whole in a tooltip on hover and keyboard focus.

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { SignOutButton } from "./sign-out-button";
import { Tip } from "./tip";
import { useIsCut } from "./truncate";

export interface UserMenuProps {
  displayName: string;
  email: string;
}

export function UserMenu({ displayName, email }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const namesRef = useRef<HTMLSpanElement>(null);
  const cut = useIsCut(namesRef, `${displayName}|${email}`);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const initial = [...(displayName || email).trim()][0]?.toUpperCase() ?? "?";
  // Following a link closes the menu: it was opened on another page.
  const shown = open && openedAt === pathname;

  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [shown]);

  return (
    <div ref={rootRef} className="relative min-w-0">
      <Tip
        content={displayName ? `${displayName} (${email})` : email}
        disabled={!cut || shown}
        side="bottom"
        align="end"
        className="max-w-[min(32rem,calc(100vw-1rem))] break-words"
      >
          <button
            ref={buttonRef}
            type="button"
            aria-expanded={shown}
            aria-controls={panelId}
            onClick={() => {
              setOpenedAt(pathname);
              setOpen(!shown);
            }}
            className="flex w-full min-w-0 items-center gap-2 rounded-md px-1.5 py-1 hover:bg-surface-2"
          >
            <span ref={namesRef} className="hidden max-w-[16rem] min-w-0 text-right leading-tight sm:block" data-testid="user-menu-names">
              <span className="block truncate text-sm font-medium">{displayName || email}</span>
              {displayName ? <span className="block truncate text-xs text-muted">{email}</span> : null}
            </span>
            <span
              aria-hidden="true"
              className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-2 text-sm font-semibold text-muted ring-1 ring-border"
            >
              {initial}
            </span>
            <span className="sr-only">Account menu of {displayName ? `${displayName} (${email})` : email}</span>
          </button>
      </Tip>
      <div
        id={panelId}
        hidden={!shown}
        className="absolute right-0 z-30 mt-2 w-56 rounded-lg border border-border bg-surface p-1 shadow-lg"
      >
        <p className="truncate px-3 py-2 text-xs text-muted">
          Signed in as <span className="font-medium text-fg">{email}</span>
        </p>
        <ul className="border-t border-border pt-1">
          <li>
            <Link href="/settings/tokens" className="block rounded-md px-3 py-2 text-sm hover:bg-surface-2">
              Access tokens
            </Link>
          </li>
          <li>
            <SignOutButton className="w-full justify-start" />
          </li>
        </ul>
      </div>
    </div>
  );
}
