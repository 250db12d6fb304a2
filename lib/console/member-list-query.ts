// The two member tables' state as it lives in the URL and its translation into the list API's
// parameters (AIP-160 filter, AIP-132 order_by): a workspace's members (ListWorkspaceUsers: q,
// role, scope, order_by, page_size, page_token) and the organization's members
// (ListOrganizationUsers: q, order_by, page_token). Both lists take the same order_by fields.
// Shared by the server pages (first paint) and the client tables. Client-safe.

import { filterLiteral, oneOf, readOrderBy, readParam, searchString, type ListParams, type ParamSource } from "./list-query";

export const MEMBER_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_MEMBER_PAGE_SIZE = 25;

export const MEMBER_SORTS = ["created_time desc", "created_time", "display_name", "display_name desc", "email", "email desc", "updated_time desc", "updated_time"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const DEFAULT_MEMBER_SORT: MemberSort = "created_time desc";

export const MEMBER_SORT_LABELS: Record<MemberSort, string> = {
  "created_time desc": "Recently added",
  created_time: "First added",
  display_name: "Name (A–Z)",
  "display_name desc": "Name (Z–A)",
  email: "Email (A–Z)",
  "email desc": "Email (Z–A)",
  "updated_time desc": "Recently changed",
  updated_time: "Least recently changed",
};

export const MEMBER_SCOPES = ["", "workspace", "organization"] as const;
export type MemberScope = (typeof MEMBER_SCOPES)[number];

export interface MemberListQuery {
  q: string;
  /** A role id, or "" for every role. */
  role: string;
  scope: MemberScope;
  orderBy: MemberSort;
  pageSize: number;
  pageToken: string;
}

/** Reads the table state from URL search params; unknown values fall back to defaults. */
export function parseMemberListQuery(source: ParamSource): MemberListQuery {
  return {
    q: readParam(source, "q").slice(0, 256),
    role: readParam(source, "role").trim().slice(0, 64),
    scope: oneOf(readParam(source, "scope"), MEMBER_SCOPES, ""),
    orderBy: oneOf(readOrderBy(source), MEMBER_SORTS, DEFAULT_MEMBER_SORT),
    pageSize: oneOf(Number(readParam(source, "page_size")), MEMBER_PAGE_SIZES, DEFAULT_MEMBER_PAGE_SIZE),
    pageToken: readParam(source, "page_token"),
  };
}

/** The URL search string for a table state; defaults are left out to keep links short. */
export function memberListSearch(query: MemberListQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.role) p.set("role", query.role);
  if (query.scope) p.set("scope", query.scope);
  if (query.orderBy !== DEFAULT_MEMBER_SORT) p.set("order_by", query.orderBy);
  if (query.pageSize !== DEFAULT_MEMBER_PAGE_SIZE) p.set("page_size", String(query.pageSize));
  if (query.pageToken) p.set("page_token", query.pageToken);
  return searchString(p);
}

export type UserListParams = ListParams;

/** ListWorkspaceUsers' parameters for a table state (`role = …`, `role_scope = …`, `search : …`). */
export function memberListParams(query: MemberListQuery): UserListParams {
  const terms: string[] = [];
  const q = query.q.trim();
  if (query.role) terms.push(`role = ${filterLiteral(query.role)}`);
  if (query.scope) terms.push(`role_scope = ${query.scope}`);
  if (q) terms.push(`search : ${filterLiteral(q)}`);
  return {
    filter: terms.join(" AND "),
    order_by: query.orderBy,
    page_size: String(query.pageSize),
    page_token: query.pageToken,
  };
}

/** `organizations/{org}/users/{id}` → `{id}`. */
export function userIdOf(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}

// The organization's members (settings page): search, sort, and fixed-size pages.

export const ORG_MEMBER_PAGE_SIZE = 25;
export const DEFAULT_ORG_MEMBER_SORT: MemberSort = "display_name";

export interface OrgMemberListQuery {
  q: string;
  orderBy: MemberSort;
  pageToken: string;
}

export function parseOrgMemberListQuery(source: ParamSource): OrgMemberListQuery {
  return {
    q: readParam(source, "q").slice(0, 256),
    orderBy: oneOf(readOrderBy(source), MEMBER_SORTS, DEFAULT_ORG_MEMBER_SORT),
    pageToken: readParam(source, "page_token"),
  };
}

export function orgMemberListSearch(query: OrgMemberListQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.orderBy !== DEFAULT_ORG_MEMBER_SORT) p.set("order_by", query.orderBy);
  if (query.pageToken) p.set("page_token", query.pageToken);
  return searchString(p);
}

export function orgMemberListParams(query: OrgMemberListQuery): ListParams {
  const q = query.q.trim();
  return {
    filter: q ? `search : ${filterLiteral(q)}` : "",
    order_by: query.orderBy,
    page_size: String(ORG_MEMBER_PAGE_SIZE),
    page_token: query.pageToken,
  };
}
