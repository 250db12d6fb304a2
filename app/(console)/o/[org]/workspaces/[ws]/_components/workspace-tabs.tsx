"use client";

// The workspace's tab bar. A tab renders on the server when clicked; until it arrives, the layout
// shows the tab's skeleton in its place (the old tab stays mounted, hidden): a tab link whose
// page is on its way holds a [data-tab-pending] marker (<TabPending />), and the layout's CSS
// (`group-has-…`) swaps the panel for the skeleton while one is there. No state, no effect:
// next/link's useLinkStatus only.
//
// This replaces a loading.tsx: a loading boundary also wraps the tab on the first load, and React
// reveals a boundary whose HTML streams in after the shell on its next reveal tick (up to 300 ms
// later), so the tab's heading and rows painted that much after the rest of the page.

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

/**
 * Put inside a next/link to one of the workspace's tabs (the tab bar's, the layout's, a tab's own):
 * marks the link while its tab is on its way.
 */
export function TabPending() {
  return useLinkStatus().pending && <span data-tab-pending hidden />;
}

/** The tabs' segments; each one's label is its segment, capitalized. */
const TABS = ["general", "members", "invites", "roles", "preferences", "credentials", "activity", "settings"];

export function WorkspaceTabs({ org, ws }: { org: string; ws: string }) {
  const pathname = usePathname();
  const base = `/o/${org}/workspaces/${ws}`;
  return (
    <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto border-b border-border">
      {TABS.map((tab) => {
        const href = `${base}/${tab}`;
        // A tab has no pages below it.
        const active = pathname === href;
        return (
          <Link
            key={tab}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
              active ? "border-accent text-fg" : "border-transparent text-muted hover:border-border-strong hover:text-fg"
            }`}
          >
            {tab[0].toUpperCase() + tab.slice(1)}
            <TabPending />
          </Link>
        );
      })}
    </nav>
  );
}
