"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "general", label: "General" },
  { segment: "members", label: "Members" },
  { segment: "invites", label: "Invites" },
  { segment: "roles", label: "Roles" },
  { segment: "credentials", label: "Credentials" },
  { segment: "settings", label: "Settings" },
] as const;

export function WorkspaceTabs({ org, ws }: { org: string; ws: string }) {
  const pathname = usePathname();
  const base = `/o/${org}/workspaces/${ws}`;
  return (
    <nav aria-label="Workspace" className="flex gap-1 overflow-x-auto border-b border-border">
      {TABS.map((tab) => {
        const href = `${base}/${tab.segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={tab.segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
              active ? "border-accent text-fg" : "border-transparent text-muted hover:border-border-strong hover:text-fg"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
