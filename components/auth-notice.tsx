// What a signed-out form says once it is done or cannot go on ("Check your inbox", "This link
// has expired"), with the one link that leads on.

import Link from "next/link";
import type { ReactNode } from "react";

export interface AuthNoticeProps {
  /** "status" for an outcome, "alert" for a problem. */
  role: "status" | "alert";
  title?: string;
  children: ReactNode;
  link?: { href: string; label: string };
  className?: string;
}

export function AuthNotice({ role, title, children, link, className = "space-y-3 text-sm" }: AuthNoticeProps) {
  return (
    <div role={role} className={className}>
      {title ? <p className="font-medium">{title}</p> : null}
      {children}
      {link ? (
        <p>
          <Link href={link.href} className="font-medium text-link underline-offset-2 hover:underline">
            {link.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
