// List requests (AIP-158 paging, AIP-132 order_by, AIP-160 filter) turned into one Prisma query:
// `where` = tenant scope AND filter AND keyset cursor, `orderBy` = the requested keys then id.

import { textProblem } from "../schemas/text";
import { invalidArgument, invalidPageToken } from "./errors";
import { canonicalFilter, compileFilter, parseFilter, type FilterFields } from "./filter";
import { encodePageToken, queryDigest, readPageToken, type CursorValue, type TotalSize } from "./page-token";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export interface SortKey {
  /** Dotted Prisma path, e.g. `title` or `user.displayName`. */
  path: string;
  kind: "string" | "date" | "number";
}

export interface ListSpec<W> {
  filter: FilterFields<W>;
  order: Record<string, SortKey>;
  /** AIP-132 text used when order_by is empty, e.g. `create_time desc`. */
  defaultOrder: string;
  /** Unique tie-breaker path (the primary key), e.g. `id` or `userId`. */
  idPath: string;
}

export interface OrderTerm extends SortKey {
  name: string;
  desc: boolean;
}

export function parsePageSize(raw: string | null | undefined): number {
  if (raw == null || raw.trim() === "") return DEFAULT_PAGE_SIZE;
  if (!/^-?\d+$/.test(raw.trim())) throw invalidArgument("page_size", "must be an integer");
  const n = Number(raw);
  if (n < 0) throw invalidArgument("page_size", "must not be negative");
  if (n === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(n, MAX_PAGE_SIZE);
}

export function parseOrderBy(raw: string | null | undefined, spec: ListSpec<unknown>): OrderTerm[] {
  const problem = raw == null ? undefined : textProblem(raw);
  if (problem) throw invalidArgument("order_by", problem);
  const text = raw == null || raw.trim() === "" ? spec.defaultOrder : raw;
  const terms: OrderTerm[] = [];
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 2 || (words.length === 2 && !/^(asc|desc)$/i.test(words[1]))) {
      throw invalidArgument("order_by", `'${part.trim()}' is not 'field' or 'field desc'`);
    }
    const name = words[0];
    const key = Object.hasOwn(spec.order, name) ? spec.order[name] : undefined;
    if (!key) {
      throw invalidArgument("order_by", `unknown field '${name}' (sortable: ${Object.keys(spec.order).join(", ")})`);
    }
    if (seen.has(name)) throw invalidArgument("order_by", `field '${name}' appears twice`);
    seen.add(name);
    terms.push({ ...key, name, desc: words.length === 2 && words[1].toLowerCase() === "desc" });
  }
  return terms;
}

function nest(path: string, leaf: unknown): Record<string, unknown> {
  const parts = path.split(".");
  let node: unknown = leaf;
  for (let i = parts.length - 1; i >= 0; i--) node = { [parts[i]]: node };
  return node as Record<string, unknown>;
}

function readPath(row: unknown, path: string): unknown {
  let node = row as Record<string, unknown> | undefined;
  for (const p of path.split(".")) node = node?.[p] as Record<string, unknown> | undefined;
  return node;
}

function toCursor(value: unknown, kind: SortKey["kind"]): CursorValue {
  if (value == null) return null;
  // A date key read as text is already what toISOString writes (lib/prisma-client `isoTimestamps`).
  if (kind === "date") return typeof value === "string" ? value : (value as Date).toISOString();
  return value as CursorValue;
}

function fromCursor(value: CursorValue, kind: SortKey["kind"]): unknown {
  if (kind === "date") {
    if (typeof value !== "string") throw invalidPageToken();
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw invalidPageToken();
    return d;
  }
  if (kind === "string" && typeof value !== "string") throw invalidPageToken();
  if (kind === "number" && typeof value !== "number") throw invalidPageToken();
  return value;
}

/** How a store spells the parts of a keyset predicate (Prisma `where` objects, SQL fragments). */
export interface KeysetBuilder<T> {
  compare(term: OrderTerm, op: "=" | "<" | ">" | "<=" | ">=", value: unknown): T;
  and(parts: T[]): T;
  or(parts: T[]): T;
}

/**
 * The keyset predicate "after the cursor row" for mixed directions:
 * k1 beyond x1, OR k1 = x1 AND k2 beyond x2, … plus the redundant bound `k1 >= x1`
 * (or `<=`), which lets PostgreSQL seek the index instead of walking it.
 */
export function keysetPredicate<T>(terms: readonly OrderTerm[], values: readonly unknown[], b: KeysetBuilder<T>): T {
  const branches = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => b.compare(t, "=", values[j]));
    const beyond = b.compare(term, term.desc ? "<" : ">", values[i]);
    return equal.length ? b.and([...equal, beyond]) : beyond;
  });
  const first = terms[0];
  return b.and([b.compare(first, first.desc ? "<=" : ">=", values[0]), b.or(branches)]);
}

/** The order and cursor of one page request, whatever store the rows come from. */
export interface KeysetPlan {
  pageSize: number;
  /** The requested order, then the id tie-breaker in the last term's direction. */
  terms: OrderTerm[];
  /** The cursor row's keys (dates as Date), or undefined on the first page. */
  after: unknown[] | undefined;
  /** The total_size the page token carries (counted on the list's first page), if any. */
  carriedTotal: TotalSize | undefined;
  /**
   * Builds the page from up to pageSize + 1 rows; `read` takes a term's value from a row; `total`
   * (the list's total_size) is carried in the next page token.
   */
  page<R>(rows: R[], read?: (row: R, term: OrderTerm) => unknown, total?: TotalSize): { items: R[]; nextPageToken: string };
}

/**
 * The one paging engine: page size, order (with the id tie-breaker) and the signed page token,
 * bound to `scope` (the parent resource, the caller, list options) plus `filterKey` (the canonical
 * filter) and the order. A token made for any other values fails as INVALID_ARGUMENT.
 */
export function planKeyset(spec: Omit<ListSpec<unknown>, "filter">, params: ListParams, scope: readonly string[], filterKey = ""): KeysetPlan {
  const pageSize = parsePageSize(params.page_size);
  const requested = parseOrderBy(params.order_by, spec as ListSpec<unknown>);
  const last = requested[requested.length - 1];
  const terms: OrderTerm[] = [...requested, { name: "id", path: spec.idPath, kind: "string", desc: last.desc }];
  const digest = queryDigest([...scope, filterKey, terms.map((t) => `${t.name}${t.desc ? " desc" : ""}`).join(",")]);
  let after: unknown[] | undefined;
  let carriedTotal: TotalSize | undefined;
  if (params.page_token) {
    const token = readPageToken(params.page_token, digest);
    if (token.keys.length !== terms.length) throw invalidPageToken();
    after = token.keys.map((v, i) => fromCursor(v, terms[i].kind));
    carriedTotal = token.total;
  }
  return {
    pageSize,
    terms,
    after,
    carriedTotal,
    page<R>(rows: R[], read: (row: R, term: OrderTerm) => unknown = (row, term) => readPath(row, term.path), total?: TotalSize) {
      if (rows.length <= pageSize) return { items: rows, nextPageToken: "" };
      const items = rows.slice(0, pageSize);
      const lastRow = items[items.length - 1];
      return { items, nextPageToken: encodePageToken(digest, terms.map((t) => toCursor(read(lastRow, t), t.kind)), total) };
    },
  };
}

const PRISMA_OPS = { "=": "equals", "<": "lt", ">": "gt", "<=": "lte", ">=": "gte" } as const;

const prismaKeyset: KeysetBuilder<Record<string, unknown>> = {
  compare: (term, op, value) => nest(term.path, { [PRISMA_OPS[op]]: value }),
  and: (parts) => ({ AND: parts }),
  or: (parts) => ({ OR: parts }),
};

/** The keyset predicate of `plan`'s cursor as a Prisma `where` (undefined on the first page). */
export function prismaAfter<W>(plan: KeysetPlan): W | undefined {
  return plan.after ? (keysetPredicate(plan.terms, plan.after, prismaKeyset) as W) : undefined;
}

export interface ListPlan<W> {
  pageSize: number;
  /** The compiled filter, if any: combine with the caller's tenant scope (and count with it). */
  filter: W | undefined;
  /** The keyset predicate for the page token, if any. */
  cursor: W | undefined;
  orderBy: Record<string, unknown>[];
  /** Builds the response page from up to pageSize + 1 fetched rows. */
  page<R>(rows: R[]): { items: R[]; nextPageToken: string };
}

export interface ListParams {
  page_size?: string | null;
  page_token?: string | null;
  filter?: string | null;
  order_by?: string | null;
}

/**
 * Plans one page of a Prisma list. `scope` names everything the page token must be bound to
 * beyond filter and order (the parent resource, show_deleted, the caller).
 */
export function planList<W extends object>(spec: ListSpec<W>, params: ListParams, scope: readonly string[]): ListPlan<W> {
  const filterAst = parseFilter(params.filter);
  const filterWhere = compileFilter(filterAst, spec.filter);
  const keyset = planKeyset(spec, params, scope, canonicalFilter(filterAst));
  return {
    pageSize: keyset.pageSize,
    filter: filterWhere,
    cursor: prismaAfter<W>(keyset),
    orderBy: keyset.terms.map((t) => nest(t.path, t.desc ? "desc" : "asc")),
    page: (rows) => keyset.page(rows),
  };
}

/** Reads the list parameters from a URL's query string. */
export function listParams(searchParams: URLSearchParams): ListParams {
  return {
    page_size: searchParams.get("page_size"),
    page_token: searchParams.get("page_token"),
    filter: searchParams.get("filter"),
    order_by: searchParams.get("order_by"),
  };
}
