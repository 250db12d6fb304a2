// Runs before the console's pages. It records the path the browser asked for (with its query)
// in a request header, so a signed-out visitor is sent to sign-in and brought back to exactly
// that page — a layout alone cannot know which nested page or which table state was requested.
// Authentication itself is not decided here: the pages check the session.

import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/console/callback-url";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/o/:path*", "/settings/:path*", "/invite/:path*"] };
