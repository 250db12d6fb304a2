"use client";

// Inside a next/link whose page renders on the server: the link's text dims and pulses from the
// click until the page arrives, and screen readers hear that it is opening, so a click on a slow
// link is answered at once while the old page stays on screen.

import { useLinkStatus } from "next/link";
import type { ReactNode } from "react";

export function PendingLinkText({ children }: { children: ReactNode }) {
  const { pending } = useLinkStatus();
  return (
    <span aria-busy={pending || undefined} className={pending ? "animate-pulse opacity-60" : undefined}>
      {children}
      {pending ? (
        <span role="status" className="sr-only">
          Opening…
        </span>
      ) : null}
    </span>
  );
}
