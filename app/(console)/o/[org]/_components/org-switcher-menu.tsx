"use client";

// The organization switcher's menu (loaded by org-switcher.tsx on the first opening, and mounted
// open): a Radix dropdown menu, walked with the arrows (and typeahead), closed on Escape, focus
// back on its button. Each item is a link to that organization; the pending invitations follow.

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { popoverPlacement, popoverSurface } from "@/components/popover";
import { MY_INVITATIONS_HREF, invitationTarget } from "@/lib/console/my-invitations";
import { SwitcherLabel, TitleTip, pendingInvitations, triggerClass, type OrgSwitcherProps } from "./org-switcher";

const itemClass =
  "flex cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-sm outline-none select-none data-[highlighted]:bg-surface-2";

/**
 * Opened from the keyboard before this code had loaded (so Radix did not see the key): focus
 * starts on the first item, as Radix does for a keyboard opening. The next frame, because Radix
 * focuses the menu itself once its portal has mounted.
 */
/** Invitations listed one by one in the menu; more are summed up in one entry. */
const LISTED_INVITATIONS = 5;

function FocusFirstItem() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.closest('[role="menu"]')?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return <span ref={ref} hidden />;
}

export default function OrgSwitcherMenu({ current, orgs, invitations = [], viaKeyboard }: OrgSwitcherProps & { viaKeyboard: boolean }) {
  const count = invitations.length;
  const [open, setOpen] = useState(true);
  return (
    <Menu.Root open={open} onOpenChange={setOpen}>
      <TitleTip title={current.title} menuOpen={open}>
        <Menu.Trigger className={triggerClass}>
          <SwitcherLabel title={current.title} invitations={count} />
        </Menu.Trigger>
      </TitleTip>
      <Menu.Portal>
        <Menu.Content
          align="start"
          {...popoverPlacement}
          className={`z-50 w-72 max-w-[calc(100vw-2rem)] rounded-lg p-1 ${popoverSurface}`}
        >
          {viaKeyboard ? <FocusFirstItem /> : null}
          <Menu.Label className="px-3 pt-2 pb-1 text-xs font-medium text-muted">Your organizations</Menu.Label>
          <div className="max-h-72 overflow-y-auto">
            {orgs.map((o) => {
              const isCurrent = o.id === current.id;
              return (
                <Menu.Item key={o.id} asChild className={itemClass} textValue={o.title}>
                  <Link href={`/o/${o.id}/workspaces`} aria-current={isCurrent ? "page" : undefined}>
                    <span className="truncate" title={o.title}>
                      {o.title}
                    </span>
                    {isCurrent ? (
                      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-link" fill="none" stroke="currentColor" strokeWidth="2">
                        <path d="m3.5 8.5 3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
                      </svg>
                    ) : null}
                  </Link>
                </Menu.Item>
              );
            })}
          </div>
          {count > 0 ? (
            <Menu.Group>
              <Menu.Separator className="my-1 h-px bg-border" />
              <Menu.Label className="px-3 pt-2 pb-1 text-xs font-medium text-muted">Invitations ({count})</Menu.Label>
              {invitations.slice(0, LISTED_INVITATIONS).map((inv) => {
                const target = invitationTarget(inv);
                return (
                  <Menu.Item key={inv.id} asChild className={itemClass} textValue={target}>
                    <Link href={MY_INVITATIONS_HREF} aria-label={`Invitation to ${target}`}>
                      <span className="min-w-0">
                        <span className="block truncate" title={target}>
                          {target}
                        </span>
                        <span className="block truncate text-xs text-muted">{inv.roleTitles.join(", ")}</span>
                      </span>
                    </Link>
                  </Menu.Item>
                );
              })}
              {count > LISTED_INVITATIONS ? (
                <Menu.Item asChild className={`${itemClass} text-link`}>
                  <Link href={MY_INVITATIONS_HREF}>All {pendingInvitations(count)}</Link>
                </Menu.Item>
              ) : null}
            </Menu.Group>
          ) : null}
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item asChild className={`${itemClass} text-link`}>
            <Link href="/?new">Create organization</Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
