"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * `canReadSettings`: every organization member may read the organization, so a plain member sees
 * the Settings tab too and finds the page read-only, each control saying who may change it.
 */
export function OrgNav({
  org,
  canReadSettings = false,
  canReadActivity = false,
  canReadMail = false,
}: {
  org: string;
  canReadSettings?: boolean;
  canReadActivity?: boolean;
  canReadMail?: boolean;
}) {
  const pathname = usePathname();
  const tabs = [
    { href: `/o/${org}/workspaces`, label: "Workspaces" },
    // The organization's audit log is for organization admins only.
    ...(canReadActivity ? [{ href: `/o/${org}/activity`, label: "Activity" }] : []),
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
