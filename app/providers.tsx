"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/toast";
import { ApiRequestError } from "@/lib/console/api-fetch";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server components render the first page; keep it fresh long enough not to refetch on hydration.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => {
          // 4xx answers will not change on retry; only transient failures are worth a second try.
          if (error instanceof ApiRequestError && error.status < 500) return false;
          return failures < 2;
        },
      },
    },
  });
}

/**
 * The app's one QueryClientProvider and the toast region. No next-auth
 * SessionProvider: nothing reads useSession (the server resolves the session), and it put
 * next-auth's client on every page's first load.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  // Effects run children first, so this marks the moment the whole page has hydrated and its
  // controls respond: end-to-end tests wait for it instead of racing React after a page load.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
