// Keyset pagination only moves forward, so "Previous" needs the token of the page before. Each
// page token remembers the one it came from (a stack kept as back-links), in sessionStorage so a
// reload, back/forward or a return from a detail page still knows the way back.

const STORAGE_KEY = "wsa:page-history";
const MAX_ENTRIES = 500;

export interface PageLink {
  /** The token of the previous page ("" for the first page). */
  prev: string;
  /** 1-based page number. */
  page: number;
}

type Links = Record<string, PageLink>;

function readAll(raw: string | null): Links {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Links) : {};
  } catch {
    return {};
  }
}

export function pageHistorySnapshot(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Where `token` came from, given a snapshot from pageHistorySnapshot(); undefined if unknown. */
export function pageLinkOf(snapshot: string | null, scope: string, token: string): PageLink | undefined {
  if (!token) return { prev: "", page: 1 };
  return readAll(snapshot)[`${scope}|${token}`];
}

/** Records that `nextToken` follows `fromToken` (page `fromPage`). */
export function rememberNextPage(scope: string, fromToken: string, fromPage: number | undefined, nextToken: string): void {
  try {
    const links = readAll(window.sessionStorage.getItem(STORAGE_KEY));
    links[`${scope}|${nextToken}`] = { prev: fromToken, page: fromPage ? fromPage + 1 : 0 };
    const keys = Object.keys(links);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete links[k];
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(links));
  } catch {
    /* storage full or disabled: Previous falls back to the first page */
  }
}
