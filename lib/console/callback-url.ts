// Where to go after signing in. Only paths on this site are followed: an absolute URL keeps just
// its path, so a crafted ?callbackUrl= can never send a user to another origin (open redirect).

export function safeCallbackUrl(raw: string | null | undefined): string {
  if (!raw) return "/";
  let path: string;
  try {
    const url = new URL(raw, "http://placeholder.invalid");
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return "/";
  return path;
}

export function loginUrl(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** Request header set by proxy.ts: the path and query the browser asked for. */
export const REQUESTED_PATH_HEADER = "x-requested-path";
