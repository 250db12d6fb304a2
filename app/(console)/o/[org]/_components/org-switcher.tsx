"use client";

// The organization switcher: a menu button that opens with a click, Enter, Space or the arrow keys.
// Its menu (Radix dropdown menu, with its positioning and focus code) is fetched on the first
// opening — or as soon as the pointer or focus is on the button — and mounted open in this
// button's place (org-switcher-menu.tsx); until then the button is plain, so none of that code is
// on a page's first load. The user's pending invitations are counted on the button and listed
// in the menu; each leads to the home page's Invitations section, where they are accepted or
// declined. A long organization title is cut on the button and shown whole in a tooltip on hover
// and on keyboard focus.

import { useRef, useState, type KeyboardEvent, type ReactElement } from "react";
import { Tip } from "@/components/tip";
import { useIsCut } from "@/components/truncate";
import type { PendingInvitation } from "@/lib/console/my-invitations";

export interface OrgSwitcherProps {
  current: { id: string; title: string };
  orgs: Array<{ id: string; title: string }>;
  invitations?: PendingInvitation[];
}

export const pendingInvitations = (n: number) => `${n} pending invitation${n === 1 ? "" : "s"}`;

export const triggerClass =
  "flex max-w-[11rem] min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-surface-2 sm:max-w-xs";

export function SwitcherLabel({ title, invitations }: { title: string; invitations: number }) {
  return (
    <>
      <span className="sr-only">Organization: </span>
      <span className="truncate">{title}</span>
      {invitations > 0 ? (
        <span data-testid="invitation-count" className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg">
          <span aria-hidden="true">{invitations}</span>
          <span className="sr-only">, {pendingInvitations(invitations)}</span>
        </span>
      ) : null}
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-muted" fill="none" stroke="currentColor" strokeWidth="1.75">
        <path d="M5 6.5 8 9.5l3-3" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </>
  );
}

/** The button, with its whole title in a tooltip while the title is cut (and the menu is closed). */
export function TitleTip({ title, menuOpen = false, children }: { title: string; menuOpen?: boolean; children: ReactElement }) {
  const ref = useRef<HTMLSpanElement>(null);
  const cut = useIsCut(ref, title);
  return (
    <span ref={ref} className="contents">
      <Tip content={title} disabled={!cut || menuOpen} side="bottom" align="start" className="max-w-[min(32rem,calc(100vw-1rem))]">
        {children}
      </Tip>
    </span>
  );
}

const loadMenu = () => import("./org-switcher-menu");

function PlainTrigger({ title, invitations, onOpen, busy }: { title: string; invitations: number; onOpen?: (viaKeyboard: boolean) => void; busy?: boolean }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      onOpen?.(true);
    }
  };
  return (
    <TitleTip title={title}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={false}
        aria-busy={busy || undefined}
        className={triggerClass}
        // detail 0: activated from the keyboard (Enter or Space), not by a pointer.
        onClick={(e) => onOpen?.(e.detail === 0)}
        onKeyDown={onKeyDown}
        onPointerEnter={() => void loadMenu()}
        onFocus={() => void loadMenu()}
      >
        <SwitcherLabel title={title} invitations={invitations} />
      </button>
    </TitleTip>
  );
}

type MenuModule = Awaited<ReturnType<typeof loadMenu>>;

export function OrgSwitcher(props: OrgSwitcherProps) {
  const [opened, setOpened] = useState<{ viaKeyboard: boolean } | null>(null);
  const [menu, setMenu] = useState<MenuModule | null>(null);
  if (opened && menu) return <menu.default {...props} viaKeyboard={opened.viaKeyboard} />;
  // While the menu's code loads (usually already fetched on hover or focus), the button stays,
  // with focus on it, and says it is busy.
  return (
    <PlainTrigger
      title={props.current.title}
      invitations={props.invitations?.length ?? 0}
      busy={opened !== null}
      onOpen={(viaKeyboard) => {
        setOpened({ viaKeyboard });
        void loadMenu().then(setMenu);
      }}
    />
  );
}
