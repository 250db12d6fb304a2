// The workspaces table's state as it lives in the URL (q, order_by, page_size, page_token,
// show_deleted), and its translation into the list API's parameters. Shared by the server page
// (first paint) and the client table, so both ask for exactly the same page. Client-safe.

import { filterLiteral, oneOf, readOrderBy, readParam, searchString, type ListParams, type ParamSource } from "./list-query";

export const WORKSPACE_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_WORKSPACE_PAGE_SIZE = 25;

/** Every order_by ListWorkspaces accepts (API.md: title, create_time, update_time). */
export const WORKSPACE_SORTS = ["create_time desc", "create_time", "title", "title desc", "update_time desc", "update_time"] as const;
export type WorkspaceSort = (typeof WORKSPACE_SORTS)[number];
export const DEFAULT_WORKSPACE_SORT: WorkspaceSort = "create_time desc";

export interface WorkspaceListQuery {
  q: string;
  orderBy: WorkspaceSort;
  pageSize: number;
  pageToken: string;
  /** AIP-164 show_deleted: soft-deleted workspaces are listed too (with Restore). */
  showDeleted: boolean;
}

/** Reads the table state from URL search params; unknown sorts and sizes fall back to defaults. */
export function parseWorkspaceListQuery(source: ParamSource): WorkspaceListQuery {
  return {
    q: readParam(source, "q").slice(0, 256),
    orderBy: oneOf(readOrderBy(source), WORKSPACE_SORTS, DEFAULT_WORKSPACE_SORT),
    pageSize: oneOf(Number(readParam(source, "page_size")), WORKSPACE_PAGE_SIZES, DEFAULT_WORKSPACE_PAGE_SIZE),
    pageToken: readParam(source, "page_token"),
    showDeleted: readParam(source, "show_deleted") === "true",
  };
}

/** The URL search string for a table state; defaults are left out to keep links short. */
export function workspaceListSearch(query: WorkspaceListQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.orderBy !== DEFAULT_WORKSPACE_SORT) p.set("order_by", query.orderBy);
  if (query.pageSize !== DEFAULT_WORKSPACE_PAGE_SIZE) p.set("page_size", String(query.pageSize));
  if (query.pageToken) p.set("page_token", query.pageToken);
  if (query.showDeleted) p.set("show_deleted", "true");
  return searchString(p);
}

/** The list API's parameters (filter, order_by, page_size, page_token) for a table state. */
export function workspaceListParams(query: WorkspaceListQuery): ListParams {
  const q = query.q.trim();
  return {
    filter: q ? `title : ${filterLiteral(q)}` : "",
    order_by: query.orderBy,
    page_size: String(query.pageSize),
    page_token: query.pageToken,
  };
}

/** The ids of a page whose member counts can be asked for (countUsers never counts deleted ones). */
export function liveIds(workspaces: ReadonlyArray<{ workspace_id: string; state: string }>): string[] {
  return workspaces.filter((w) => w.state !== "DELETED").map((w) => w.workspace_id);
}
