"use client";

// React Query for a server-rendered page's dialogs, loaded with the first dialog opened rather
// than with the page (lazy(() => import("./query-island"))). The dialogs run their server actions
// as mutations and invalidate their keys as they do on every page; here no list reads those keys,
// so each successful mutation also renders the page again on the server (`onMutated`), which is
// how the rows behind the dialog show the change. A dialog that runs its actions without a
// mutation (the members' bulk dialog) calls `onMutated` itself.

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, type ReactNode } from "react";
import { QueryProvider } from "./query-provider";

function RefreshAfterMutations({ onMutated }: { onMutated: () => void }) {
  const client = useQueryClient();
  const mutated = useEffectEvent(onMutated);
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === "updated" && event.action.type === "success") mutated();
      }),
    [client],
  );
  return null;
}

export default function QueryIsland({ onMutated, children }: { onMutated: () => void; children: ReactNode }) {
  return (
    <QueryProvider>
      <RefreshAfterMutations onMutated={onMutated} />
      {children}
    </QueryProvider>
  );
}
