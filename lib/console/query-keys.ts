// Query-key factories: every react-query key in the console is built here, so invalidation by
// prefix (`workspaceKeys.lists(org)`) reaches every page, sort and filter of a list.

import type { MemberListQuery, OrgMemberListQuery } from "./member-list-query";
import type { WorkspaceListQuery } from "./workspace-list-query";

export const workspaceKeys = {
  all: ["workspaces"] as const,
  org: (org: string) => [...workspaceKeys.all, org] as const,
  lists: (org: string) => [...workspaceKeys.org(org), "list"] as const,
  list: (org: string, query: WorkspaceListQuery) => [...workspaceKeys.lists(org), query] as const,
  detail: (org: string, ws: string) => [...workspaceKeys.org(org), "detail", ws] as const,
  /** One countUsers answer for a page of workspace ids. */
  userCounts: (org: string, ids: readonly string[]) => [...workspaceKeys.org(org), "user-counts", ids] as const,
  /** The server's validate_only verdict on a bulk-provision body. */
  batchVerdict: (org: string, body: unknown) => [...workspaceKeys.org(org), "batch-verdict", body] as const,
};

export const organizationKeys = {
  all: ["organizations"] as const,
  mine: () => [...organizationKeys.all, "mine"] as const,
  /** Everything the org settings page reads about one organization. */
  org: (org: string) => [...organizationKeys.all, org] as const,
  members: (org: string) => [...organizationKeys.org(org), "members"] as const,
  memberList: (org: string, query: OrgMemberListQuery) => [...organizationKeys.members(org), query] as const,
  pendingInvites: (org: string) => [...organizationKeys.org(org), "pending-invites"] as const,
  pendingInvitesPage: (org: string, pageToken: string) => [...organizationKeys.pendingInvites(org), pageToken] as const,
};

/** A workspace's members and roles tabs; `memberKeys.workspace(ws)` reaches every list and the admin check. */
export const memberKeys = {
  all: ["members"] as const,
  workspace: (ws: string) => [...memberKeys.all, ws] as const,
  list: (ws: string, query: MemberListQuery) => [...memberKeys.workspace(ws), "list", query] as const,
  adminCoverage: (ws: string) => [...memberKeys.workspace(ws), "admin-coverage"] as const,
  candidates: (org: string, ws: string, search: string) => [...memberKeys.workspace(ws), "candidates", org, search] as const,
};

export const roleKeys = {
  all: ["roles"] as const,
  workspace: (ws: string) => [...roleKeys.all, ws] as const,
  list: (ws: string) => [...roleKeys.workspace(ws), "list"] as const,
  holders: (ws: string) => [...roleKeys.workspace(ws), "holders"] as const,
  catalog: () => [...roleKeys.all, "catalog"] as const,
};

/** The signed-in user's personal access tokens (/settings/tokens). */
export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
  /** The workspaces a new token may be limited to, per organization. */
  workspaces: (org: string) => [...tokenKeys.all, "workspaces", org] as const,
};

/** A workspace's OAuth credentials tab. */
export const credentialKeys = {
  all: ["credentials"] as const,
  workspace: (ws: string) => [...credentialKeys.all, ws] as const,
  list: (ws: string) => [...credentialKeys.workspace(ws), "list"] as const,
};
