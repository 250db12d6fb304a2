// Runs before every route (Next's middleware). Four jobs, each one that a route cannot do itself:
// - Forwarding headers are client-written: unless TRUST_PROXY trusts the proxies that set them,
//   they are dropped here, so Next fills X-Forwarded-For from the socket and X-Forwarded-Host
//   from Host — which is what the audit IP, rate limits and Next's own server-action origin check
//   then see (lib/api/client-address.ts explains how the client IP is derived).
// - A state-changing request to a page (a server action, with or without JavaScript) must come
//   from our own origin (NEXTAUTH_URL); the REST API checks this itself for cookie callers, and
//   next-auth's routes carry their own CSRF token.
// - A path Next cannot decode (a percent-encoded lone surrogate) would fail inside Next as a
//   text/plain 500 before any handler: under /api/v1 it is answered here as rpcStatus JSON.
// - The console's pages get the path the browser asked for (with its query), so a signed-out
//   visitor is sent to sign-in and brought back to exactly that page.

import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginRequest, sanitizeForwardingHeaders } from "@/lib/api/client-address";
import { malformedPath } from "@/lib/api/errors";
import { requestIdOf, toErrorResponse } from "@/lib/api/http";
import { pathIsDecodable } from "@/lib/api/query";
import { REQUESTED_PATH_HEADER } from "@/lib/console/callback-url";

const CONSOLE_PATH = /^\/(o|settings|invite)(\/|$)/;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (!pathIsDecodable(pathname)) {
    if (isApi) return toErrorResponse(malformedPath(), requestIdOf(request));
    return new NextResponse("Bad request: the path is not valid percent-encoded UTF-8.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  if (!isApi && !SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers, request.url)) {
    return new NextResponse("Cross-site request refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }

  const headers = sanitizeForwardingHeaders(request.headers);
  if (CONSOLE_PATH.test(pathname)) headers.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

// Everything but the build's static files.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"] };
