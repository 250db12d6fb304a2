"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { workspaceKeys } from "@/lib/console/query-keys";

/** After a state change: every cached list of the organization, and the server-rendered header. */
export function useRefreshAfterChange(org: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
    router.refresh();
  };
}

/** A refusal because someone else changed the workspace meanwhile, in the zone's words. */
export const CONFLICT_MESSAGE = "This workspace was changed by someone else — reload to see the latest version. Nothing was changed.";
