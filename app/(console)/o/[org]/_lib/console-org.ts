// The signed-in user's view of the organization in the URL, shared by the org layout and its
// pages. React's cache() makes it one session read and one access query per request.

import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/errors";
import type { OrgAccess } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { consoleContext } from "@/lib/auth/session";
import { loginUrl, REQUESTED_PATH_HEADER, safeCallbackUrl } from "@/lib/console/callback-url";
import { looksLikeId } from "@/lib/ids";
import { authorizeOperation } from "@/lib/operations/execute";
import { GetOrganization } from "@/lib/operations/organizations";

type Loaded = { kind: "ok"; ctx: RequestContext; access: OrgAccess } | { kind: "signed-out" } | { kind: "not-found" };

const load = cache(async (orgId: string): Promise<Loaded> => {
  const ctx = await consoleContext();
  if (!ctx) return { kind: "signed-out" };
  if (!looksLikeId(orgId, "org")) return { kind: "not-found" };
  try {
    // The page is shown on exactly the terms GetOrganization is served.
    return { kind: "ok", ctx, access: (await authorizeOperation(GetOrganization, ctx, { organization_id: orgId })) as OrgAccess };
  } catch (error) {
    // Another tenant's organization is simply not there (never "forbidden").
    if (error instanceof ApiError && error.code === "NOT_FOUND") return { kind: "not-found" };
    throw error;
  }
});

/**
 * The caller and their access to `orgId`. Signed out: redirects to sign-in, returning to the
 * page the browser asked for (recorded by proxy.ts), or to `returnTo` without it. Not a member (or no such organization): renders the not-found page.
 */
export async function requireConsoleOrg(orgId: string, returnTo: string): Promise<{ ctx: RequestContext; access: OrgAccess }> {
  const loaded = await load(orgId);
  if (loaded.kind === "signed-out") {
    const requested = (await headers()).get(REQUESTED_PATH_HEADER);
    redirect(loginUrl(requested ? safeCallbackUrl(requested) : returnTo));
  }
  if (loaded.kind === "not-found") notFound();
  return { ctx: loaded.ctx, access: loaded.access };
}
