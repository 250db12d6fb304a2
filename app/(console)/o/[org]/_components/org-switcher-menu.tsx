"use client";

// The organization switcher's menu (loaded by org-switcher.tsx on the first opening, and mounted
// open): a Radix dropdown menu, walked with the arrows (and typeahead), closed on Escape, focus
// back on its button. Each item is a link to that organization.

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SwitcherLabel, triggerClass, type OrgSwitcherProps } from "./org-switcher";

const itemClass =
  "flex cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-sm outline-none select-none data-[highlighted]:bg-surface-2";

/**
 * Opened from the keyboard before this code had loaded (so Radix did not see the key): focus
 * starts on the first item, as Radix does for a keyboard opening. The next frame, because Radix
 * focuses the menu itself once its portal has mounted.
 */
function FocusFirstItem() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.closest('[role="menu"]')?.querySelector<HTMLElement>('[role="menuitem"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return <span ref={ref} hidden />;
}

export default function OrgSwitcherMenu({ current, orgs, viaKeyboard }: OrgSwitcherProps & { viaKeyboard: boolean }) {
  return (
    <Menu.Root defaultOpen>
      <Menu.Trigger className={triggerClass}>
        <SwitcherLabel title={current.title} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-surface p-1 text-fg shadow-lg"
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
          <Menu.Separator className="my-1 h-px bg-border" />
          <Menu.Item asChild className={`${itemClass} text-link`}>
            <Link href="/?new">Create organization</Link>
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
