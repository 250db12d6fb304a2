// What every URL-backed list shares: reading one value from search params (a URLSearchParams on
// the client, Next's searchParams record on the server), AIP-160 string literals, and the list
// API's query string. Client-safe.

export type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export function readParam(source: ParamSource, key: string): string {
  if (source instanceof URLSearchParams) return source.get(key) ?? "";
  const v = source[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** One of `allowed`, or `fallback` for anything else (a stale or hand-edited URL). */
export function oneOf<T extends string | number>(value: string | number, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly (string | number)[]).includes(value) ? (value as T) : fallback;
}

/** `order_by` as typed in a URL, with runs of spaces collapsed so "title  desc" still matches. */
export function readOrderBy(source: ParamSource): string {
  return readParam(source, "order_by").trim().replace(/\s+/g, " ");
}

/** An AIP-160 string literal: backslashes and double quotes escaped, so user text stays data. */
export function filterLiteral(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** A query string without the empty parameters. */
export function toSearchParams(params: Record<string, string | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) out.set(k, v);
  return out;
}

/** The list API's AIP parameters. */
export interface ListParams {
  filter: string;
  order_by: string;
  page_size: string;
  page_token: string;
}

/** A URL search string ("?a=1&b=2", or "" when empty). */
export function searchString(p: URLSearchParams): string {
  const s = p.toString();
  return s ? `?${s}` : "";
}
