"use client";

import { useEffect, type ReactNode } from "react";
import { ToastProvider } from "@/components/toast";

/**
 * The toast region, for every page. No next-auth SessionProvider: nothing reads useSession (the
 * server resolves the session), and it put next-auth's client on every page's first load. No
 * QueryClientProvider either: the segments that use React Query provide it
 * (components/query-provider.tsx), so the pages that do not are spared its code.
 */
export function Providers({ children }: { children: ReactNode }) {
  // Effects run children first, so this marks the moment the whole page has hydrated and its
  // controls respond: end-to-end tests wait for it instead of racing React after a page load.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <ToastProvider>{children}</ToastProvider>;
}
