"use client";

// The one URL-backed list: its state (filters, sort, page size, page token) lives in the URL, so
// back/forward and shared links work; the server component renders the first page and hands it
// over as initial data; after that react-query reads /api/v1 and the URL is updated in place
// (history API, which Next's router follows), so paging never reloads the page. Keyset paging
// only moves forward: the page history (page-history.ts) remembers where each token came from,
// for "Previous" and the row numbers. Searching is debounced by <SearchBox>; this hook applies
// what it settles on.

import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useSyncExternalStore } from "react";
import type { Pager } from "@/components/pagination";
import { pageHistorySnapshot, pageLinkOf, rememberNextPage } from "./page-history";

export interface UrlListSpec<Q extends { pageToken: string }, D> {
  /** Reads the list state from the URL's search params. */
  parse: (params: URLSearchParams) => Q;
  /** The URL search string for a state ("" or "?…"). */
  search: (query: Q) => string;
  /** Names the list for the page history (e.g. "members|ws_1"); the filters are added to it. */
  scope: string;
  queryKey: (query: Q) => QueryKey;
  fetch: (query: Q, signal: AbortSignal) => Promise<D>;
  nextPageToken: (data: D) => string;
  /** The server's first page, for the query it was rendered for. */
  initial?: { query: Q; data: D | null; renderedAt: number };
}

export type { Pager };

const noSubscribe = () => () => {};

export function useUrlList<Q extends { pageToken: string }, D>(spec: UrlListSpec<Q, D>) {
  const { parse, search } = spec;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = useMemo(() => parse(new URLSearchParams(searchParams.toString())), [parse, searchParams]);

  /**
   * Changes the list state. The patch applies to the URL as it is now, not as of the last render:
   * a search that settles after the sort changed must not put the old sort back. "replace" for
   * typing (no history entry per keystroke), "push" for choices the user may want to go back from.
   */
  const setQuery = (patch: Partial<Q>, mode: "push" | "replace" = "push") => {
    const current = parse(new URLSearchParams(window.location.search));
    const url = `${pathname}${search({ ...current, ...patch })}`;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  };
  /** A change of filter or sort: back to the first page. */
  const refine = (patch: Partial<Q>, mode: "push" | "replace" = "push") => setQuery({ ...patch, pageToken: "" }, mode);

  const initial = spec.initial;
  const isInitial = !!initial && initial.data !== null && search(initial.query) === search(query);
  const list = useQuery({
    queryKey: spec.queryKey(query),
    queryFn: ({ signal }) => spec.fetch(query, signal),
    initialData: isInitial ? (initial.data ?? undefined) : undefined,
    initialDataUpdatedAt: isInitial ? initial.renderedAt : undefined,
    placeholderData: keepPreviousData,
  });

  const scope = `${spec.scope}|${search({ ...query, pageToken: "" })}`;
  const history = useSyncExternalStore(noSubscribe, pageHistorySnapshot, () => null);
  const link = pageLinkOf(history, scope, query.pageToken);
  const page = link?.page || undefined;
  const nextToken = list.data ? spec.nextPageToken(list.data) : "";
  const busy = list.isFetching && list.isPlaceholderData;

  const pager: Pager = {
    page,
    hasPrevious: Boolean(query.pageToken),
    hasNext: Boolean(nextToken),
    busy,
    next: () => {
      if (!nextToken) return;
      rememberNextPage(scope, query.pageToken, page, nextToken);
      setQuery({ pageToken: nextToken } as Partial<Q>);
    },
    previous: () => setQuery({ pageToken: link?.prev ?? "" } as Partial<Q>),
    first: () => setQuery({ pageToken: "" } as Partial<Q>),
  };

  return { query, setQuery, refine, list, busy, pager };
}
