// The workspaces table's state as it lives in the URL (q, order_by, page_size, page_token,
// show_deleted), and its translation into the list API's parameters. Shared by the server page
// (first paint) and the client table, so both ask for exactly the same page. Client-safe.

export const WORKSPACE_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_WORKSPACE_PAGE_SIZE = 25;

export const WORKSPACE_SORTS = ["create_time desc", "create_time", "title", "title desc"] as const;
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

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string {
  if (source instanceof URLSearchParams) return source.get(key) ?? "";
  const v = source[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** Reads the table state from URL search params; unknown sorts and sizes fall back to defaults. */
export function parseWorkspaceListQuery(source: ParamSource): WorkspaceListQuery {
  const order = read(source, "order_by").trim().replace(/\s+/g, " ");
  const size = Number(read(source, "page_size"));
  return {
    q: read(source, "q").slice(0, 256),
    orderBy: (WORKSPACE_SORTS as readonly string[]).includes(order) ? (order as WorkspaceSort) : DEFAULT_WORKSPACE_SORT,
    pageSize: (WORKSPACE_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_WORKSPACE_PAGE_SIZE,
    pageToken: read(source, "page_token"),
    showDeleted: read(source, "show_deleted") === "true",
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
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** An AIP-160 string literal: backslashes and double quotes escaped, so user text stays data. */
export function filterLiteral(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** The list API's parameters (filter, order_by, page_size, page_token) for a table state. */
export function workspaceListParams(query: WorkspaceListQuery): {
  filter: string;
  order_by: string;
  page_size: string;
  page_token: string;
} {
  const q = query.q.trim();
  return {
    filter: q ? `title : ${filterLiteral(q)}` : "",
    order_by: query.orderBy,
    page_size: String(query.pageSize),
    page_token: query.pageToken,
  };
}

export function sameWorkspaceListQuery(a: WorkspaceListQuery, b: WorkspaceListQuery): boolean {
  return (
    a.q === b.q && a.orderBy === b.orderBy && a.pageSize === b.pageSize && a.pageToken === b.pageToken && a.showDeleted === b.showDeleted
  );
}

/** The ids of a page whose member counts can be asked for (countUsers never counts deleted ones). */
export function liveIds(workspaces: ReadonlyArray<{ workspace_id: string; state: string }>): string[] {
  return workspaces.filter((w) => w.state !== "DELETED").map((w) => w.workspace_id);
}
