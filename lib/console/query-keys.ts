// Query-key factories: every react-query key in the console is built here, so invalidation by
// prefix (`workspaceKeys.lists(org)`) reaches every page, sort and filter of a list.

import type { WorkspaceListQuery } from "./workspace-list-query";

export const workspaceKeys = {
  all: ["workspaces"] as const,
  org: (org: string) => [...workspaceKeys.all, org] as const,
  lists: (org: string) => [...workspaceKeys.org(org), "list"] as const,
  list: (org: string, query: WorkspaceListQuery) => [...workspaceKeys.lists(org), query] as const,
  detail: (org: string, ws: string) => [...workspaceKeys.org(org), "detail", ws] as const,
};

export const organizationKeys = {
  all: ["organizations"] as const,
  mine: () => [...organizationKeys.all, "mine"] as const,
};
