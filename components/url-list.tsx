"use client";

// A list rendered on the server from its URL (filters, sort, page size, page token): the rows are
// server components, and the controls around them (search, filters, sort headers, pager) change
// the URL through Next's router in a transition, so the server renders the new page while the old
// one stays on screen, marked busy. After a change (a dialog's save, a row's action) `refresh()`
// renders the page again. No client cache and no fetch code of its own: what the browser loads for
// a list is its controls, not its rows.
//
// Keyset paging only moves forward: the page history (page-history.ts) remembers where each token
// came from, for "Previous" and the row numbers.

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, use, useEffect, useMemo, useRef, useSyncExternalStore, useTransition, type ReactNode } from "react";
import { Button } from "./button";
import { Pagination, type Pager } from "./pagination";
import { pageHistorySnapshot, pageLinkOf, rememberNextPage } from "@/lib/console/page-history";

type Query = { pageToken: string };

export interface UrlList<Q extends Query = Query> {
  query: Q;
  /** A server render is under way (a navigation or a refresh). */
  pending: boolean;
  /**
   * Changes the list state. The patch applies to the URL as it is now, not as of the last render:
   * a search that settles after the sort changed must not put the old sort back. "replace" for
   * typing (no history entry per keystroke), "push" for choices the user may want to go back from.
   */
  setQuery: (patch: Partial<Q>, mode?: "push" | "replace") => void;
  /** A change of filter or sort: back to the first page. */
  refine: (patch: Partial<Q>, mode?: "push" | "replace") => void;
  /** The order a sortable header asks for, as a patch of the state. */
  sortPatch: (orderBy: string) => Partial<Q>;
  /** Renders the page again on the server (after a change). */
  refresh: () => void;
}

const UrlListContext = createContext<UrlList | null>(null);

/** The list around a server-rendered table; null outside one (a table fed by the browser). */
export function useUrlListContext<Q extends Query = Query>(): UrlList<Q> | null {
  return use(UrlListContext) as UrlList<Q> | null;
}

export function useServerList<Q extends Query = Query>(): UrlList<Q> {
  const list = useUrlListContext<Q>();
  if (!list) throw new Error("useServerList needs a <UrlListProvider>.");
  return list;
}

export interface UrlListProviderProps<Q extends Query> {
  parse: (params: URLSearchParams) => Q;
  /** The URL search string for a state ("" or "?…"). */
  search: (query: Q) => string;
  sortPatch?: (orderBy: string) => Partial<Q>;
  children: ReactNode;
}

export function UrlListProvider<Q extends Query>({ parse, search, sortPatch, children }: UrlListProviderProps<Q>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const query = useMemo(() => parse(new URLSearchParams(searchParams.toString())), [parse, searchParams]);
  // The search string of the last navigation asked for, until the address bar shows it: the URL
  // changes only when the new render lands, and a change asked for meanwhile (a search settling
  // just after a filter was picked) must build on the one on its way, not undo it.
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (requested.current === window.location.search) requested.current = null;
  }, [searchParams]);
  useEffect(() => {
    const forget = () => (requested.current = null);
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);

  const value = useMemo<UrlList<Q>>(() => {
    const setQuery = (patch: Partial<Q>, mode: "push" | "replace" = "push") => {
      const current = parse(new URLSearchParams(requested.current ?? window.location.search));
      const next = search({ ...current, ...patch });
      requested.current = next;
      const url = `${pathname}${next}`;
      startTransition(() => (mode === "push" ? router.push(url, { scroll: false }) : router.replace(url, { scroll: false })));
    };
    return {
      query,
      pending,
      setQuery,
      refine: (patch, mode) => setQuery({ ...patch, pageToken: "" }, mode),
      sortPatch: sortPatch ?? ((orderBy) => ({ orderBy }) as unknown as Partial<Q>),
      refresh: () => startTransition(() => router.refresh()),
    };
  }, [query, pending, parse, search, sortPatch, pathname, router]);

  return <UrlListContext value={value as unknown as UrlList}>{children}</UrlListContext>;
}

const noSubscribe = () => () => {};

export interface UrlPaginationProps {
  /** Names the list and its filters for the page history (e.g. "workspaces|org_1|?q=a"). */
  scope: string;
  nextPageToken: string;
  shown: number;
  pageSize: number;
  total?: number;
  noun: [string, string];
}

/** The keyset pager of a server-rendered list. */
export function UrlPagination({ scope, nextPageToken, ...rest }: UrlPaginationProps) {
  const list = useServerList();
  const token = list.query.pageToken;
  const history = useSyncExternalStore(noSubscribe, pageHistorySnapshot, () => null);
  const link = pageLinkOf(history, scope, token);
  const page = link?.page || undefined;
  const pager: Pager = {
    page,
    hasPrevious: Boolean(token),
    hasNext: Boolean(nextPageToken),
    busy: list.pending,
    next: () => {
      if (!nextPageToken) return;
      rememberNextPage(scope, token, page, nextPageToken);
      list.setQuery({ pageToken: nextPageToken });
    },
    previous: () => list.setQuery({ pageToken: link?.prev ?? "" }),
    first: () => list.setQuery({ pageToken: "" }),
  };
  return <Pagination pager={pager} {...rest} />;
}

/**
 * A button that changes the list's state (e.g. "Clear search": `{ q: "" }`), or with no patch
 * renders the page again ("Try again").
 */
export function UrlListButton({ patch, mode, children, variant = "secondary", size }: { patch?: Record<string, string>; mode?: "push" | "replace"; children: ReactNode; variant?: "secondary" | "ghost"; size?: "sm" }) {
  const list = useServerList();
  return (
    <Button variant={variant} size={size} onClick={() => (patch ? list.setQuery(patch as Partial<Query>, mode) : list.refresh())}>
      {children}
    </Button>
  );
}
