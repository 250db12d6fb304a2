"use client";

// The organization switcher: a Radix dropdown menu, so it opens with Enter, Space or the arrow
// keys, is walked with the arrows (and typeahead), closes on Escape and returns focus to its
// button — what users expect of a menu button. Each item is a link to that organization. The
// user's pending invitations are counted on the button and listed in the menu; each leads to the
// home page's Invitations section, where they are accepted or declined.

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { popoverPlacement, popoverSurface } from "@/components/popover";
import { MY_INVITATIONS_HREF, invitationTarget, type PendingInvitation } from "@/lib/console/my-invitations";

export interface OrgSwitcherProps {
  current: { id: string; title: string };
  orgs: Array<{ id: string; title: string }>;
  invitations?: PendingInvitation[];
}

const itemClass =
  "flex cursor-pointer items-center justify-between gap-2 rounded-md px-3 py-2 text-sm outline-none select-none data-[highlighted]:bg-surface-2";

/** Invitations listed one by one in the menu; more are summed up in one entry. */
const LISTED_INVITATIONS = 5;

const plural = (n: number) => `${n} pending invitation${n === 1 ? "" : "s"}`;

export function OrgSwitcher({ current, orgs, invitations = [] }: OrgSwitcherProps) {
  const count = invitations.length;
  return (
    <Menu.Root>
      <Menu.Trigger className="flex max-w-[11rem] min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-surface-2 sm:max-w-xs">
        <span className="sr-only">Organization: </span>
        <span className="truncate" title={current.title}>
          {current.title}
        </span>
        {count > 0 ? (
          <span data-testid="invitation-count" className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg">
            <span aria-hidden="true">{count}</span>
            <span className="sr-only">, {plural(count)}</span>
          </span>
        ) : null}
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 text-muted" fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="M5 6.5 8 9.5l3-3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="start" {...popoverPlacement} className={`z-50 w-72 max-w-[calc(100vw-2rem)] rounded-lg p-1 ${popoverSurface}`}>
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
                  <Link href={MY_INVITATIONS_HREF}>All {plural(count)}</Link>
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
