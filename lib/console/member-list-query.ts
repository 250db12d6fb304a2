// The members table's state as it lives in the URL (q, role, scope, order_by, page_size,
// page_token) and its translation into ListWorkspaceUsers' parameters (AIP-160 filter, AIP-132
// order_by). Shared by the server page (first paint) and the client table. Client-safe.

import { ORG_ADMIN, WORKSPACE_ADMIN } from "@/lib/auth/permissions";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import { filterLiteral } from "./workspace-list-query";

export const MEMBER_PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_MEMBER_PAGE_SIZE = 25;

export const MEMBER_SORTS = ["created_time desc", "created_time", "display_name", "display_name desc", "email", "email desc"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const DEFAULT_MEMBER_SORT: MemberSort = "created_time desc";

export const MEMBER_SORT_LABELS: Record<MemberSort, string> = {
  "created_time desc": "Recently added",
  created_time: "First added",
  display_name: "Name (A–Z)",
  "display_name desc": "Name (Z–A)",
  email: "Email (A–Z)",
  "email desc": "Email (Z–A)",
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

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string {
  if (source instanceof URLSearchParams) return source.get(key) ?? "";
  const v = source[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** Reads the table state from URL search params; unknown values fall back to defaults. */
export function parseMemberListQuery(source: ParamSource): MemberListQuery {
  const order = read(source, "order_by").trim().replace(/\s+/g, " ");
  const size = Number(read(source, "page_size"));
  const scope = read(source, "scope");
  return {
    q: read(source, "q").slice(0, 256),
    role: read(source, "role").trim().slice(0, 64),
    scope: (MEMBER_SCOPES as readonly string[]).includes(scope) ? (scope as MemberScope) : "",
    orderBy: (MEMBER_SORTS as readonly string[]).includes(order) ? (order as MemberSort) : DEFAULT_MEMBER_SORT,
    pageSize: (MEMBER_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_MEMBER_PAGE_SIZE,
    pageToken: read(source, "page_token"),
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
  const s = p.toString();
  return s ? `?${s}` : "";
}

export interface UserListParams {
  filter: string;
  order_by: string;
  page_size: string;
  page_token: string;
}

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

export function sameMemberListQuery(a: MemberListQuery, b: MemberListQuery): boolean {
  return (
    a.q === b.q &&
    a.role === b.role &&
    a.scope === b.scope &&
    a.orderBy === b.orderBy &&
    a.pageSize === b.pageSize &&
    a.pageToken === b.pageToken
  );
}

export function toSearchParams(params: Partial<UserListParams> & Record<string, string | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) out.set(k, v);
  return out;
}

/**
 * The users who hold the workspace: its workspace admins and the organization admins. Two rows are
 * enough to know whether one member is the last admin (API.md §4's rule), whatever the list shows.
 */
export const ADMIN_COVERAGE_PARAMS: UserListParams = {
  filter: `role = "${WORKSPACE_ADMIN}" OR role = "${ORG_ADMIN}"`,
  order_by: "",
  page_size: "2",
  page_token: "",
};

/**
 * The user id of the workspace's only admin when nobody else (no second workspace admin, no
 * organization admin) would be left to administer it; null when removing any one admin is fine.
 */
export function lastAdminOf(coverage: UserWithRolesOutput[]): string | null {
  if (coverage.length !== 1) return null;
  const only = coverage[0];
  if (only.roles.some((r) => r.name === ORG_ADMIN && r.role_scope === "ROLE_SCOPE_ORGANIZATION")) return null;
  if (!only.roles.some((r) => r.name === WORKSPACE_ADMIN && r.role_scope === "ROLE_SCOPE_WORKSPACE")) return null;
  return userIdOf(only.user.name);
}

/** `organizations/{org}/users/{id}` → `{id}`. */
export function userIdOf(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}
