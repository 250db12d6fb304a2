"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * `canReadSettings`: every organization member holds read:Organization, so a plain member sees
 * the Settings tab too and finds the page read-only, each control naming the permission it needs.
 */
export function OrgNav({ org, canReadSettings = false, canReadMail = false }: { org: string; canReadSettings?: boolean; canReadMail?: boolean }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/o/${org}/workspaces`, label: "Workspaces" },
    ...(canReadSettings ? [{ href: `/o/${org}/settings`, label: "Settings" }] : []),
    ...(canReadMail ? [{ href: `/o/${org}/mail`, label: "Mail" }] : []),
  ];
  return (
    <nav aria-label="Organization" className="-mb-px flex gap-1 overflow-x-auto">
      {tabs.map((tab) => {
        const active = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
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
