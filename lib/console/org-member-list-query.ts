// The organization members table's state as it lives in the URL (q, page_token) and its
// translation into ListOrganizationUsers parameters. Shared by the settings page (first paint)
// and the client table so both ask for the same page. Client-safe.

import { filterLiteral } from "./workspace-list-query";

export const ORG_MEMBER_PAGE_SIZE = 25;
export const ORG_MEMBER_ORDER = "display_name";

export interface OrgMemberListQuery {
  q: string;
  pageToken: string;
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string {
  if (source instanceof URLSearchParams) return source.get(key) ?? "";
  const v = source[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

export function parseMemberListQuery(source: ParamSource): OrgMemberListQuery {
  return { q: read(source, "q").slice(0, 256), pageToken: read(source, "page_token") };
}

export function memberListSearch(query: OrgMemberListQuery): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.pageToken) p.set("page_token", query.pageToken);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function memberListParams(query: OrgMemberListQuery): { filter: string; order_by: string; page_size: string; page_token: string } {
  const q = query.q.trim();
  return {
    filter: q ? `search : ${filterLiteral(q)}` : "",
    order_by: ORG_MEMBER_ORDER,
    page_size: String(ORG_MEMBER_PAGE_SIZE),
    page_token: query.pageToken,
  };
}

export function sameMemberListQuery(a: OrgMemberListQuery, b: OrgMemberListQuery): boolean {
  return a.q === b.q && a.pageToken === b.pageToken;
}
