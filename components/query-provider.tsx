"use client";

// React Query for the parts of the console that read through it (the workspace and member lists,
// the dialogs that change them, the command palette's searches, …). Not in the root layout: its
// ~10 kB gzip (the QueryClient with its caches) was on the first load of every page, including the
// ones that never use it (sign-in, activity, mail). A segment that uses it renders this provider
// (its layout re-exports it as its default, see e.g. app/(console)/o/[org]/settings/layout.tsx).
//
// Still one cache: in the browser every provider hands out the same QueryClient, so a key
// invalidated by a dialog is stale for every list, whichever segment mounted it. On the server
// each render gets its own, so one user's data never lands in another's render.

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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

let browserClient: QueryClient | undefined;

function queryClient(): QueryClient {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(queryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** A segment's layout that only provides React Query to its pages. */
export default function QueryLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
