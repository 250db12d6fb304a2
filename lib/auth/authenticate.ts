// Who is calling: a personal access token (`Authorization: Bearer|AccessKey`) or the console's
// next-auth session cookie. Returns the caller, or throws UNAUTHENTICATED.

import "server-only";
import { decode } from "next-auth/jwt";
import { db, queryRows } from "../db";
import { Prisma } from "../generated/prisma/client";
import { isSameOriginRequest } from "../api/client-address";
import { ApiError } from "../api/errors";
import type { ApiRequest } from "../api/http";
import { accessRowQuery, type AccessRow, type AccessTarget } from "./authorize";
import type { Caller, PrefetchedAccess, TokenAccessLevel } from "./context";
import { hashToken, tokenFormat, tokenFromHeader } from "./tokens";
import { sessionEnded } from "./ended-sessions";
import { sessionIsCurrent, sessionVersion } from "./session-version";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
// Touch last_use_time at most once a minute per token: a busy token must not write on every call.
const LAST_USE_RESOLUTION_MS = 60_000;

export function unauthenticated(message = "Authentication is required: send 'Authorization: Bearer <token>' or sign in."): ApiError {
  return new ApiError("UNAUTHENTICATED", message, {
    reason: "UNAUTHENTICATED",
    headers: { "www-authenticate": 'Bearer realm="workspaces", AccessKey realm="workspaces"' },
  });
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      /* a malformed cookie is no credential */
    }
  }
  return out;
}

/** The next-auth session JWT from the cookie header (next-auth splits large ones into chunks .0, .1, …). */
export function sessionTokenFrom(cookieHeader: string | null): string | undefined {
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    if (cookies.has(name)) return cookies.get(name);
    const chunks = [...cookies.keys()]
      .filter((k) => k.startsWith(`${name}.`))
      .sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
    if (chunks.length) return chunks.map((k) => cookies.get(k)).join("");
  }
  return undefined;
}

interface TokenRow {
  id: string;
  organizationId: string | null;
  access: TokenAccessLevel;
  workspaceIds: string[] | null;
  expireTime: Date | null;
  revokeTime: Date | null;
  lastUseTime: Date | null;
  userId: string;
  email: string;
  displayName: string;
}

const TOKEN_COLUMNS = Prisma.raw(`t.id, t.organization_id AS "organizationId", t.access::text AS access, t.workspace_ids AS "workspaceIds",
  t.expire_time AS "expireTime", t.revoke_time AS "revokeTime", t.last_use_time AS "lastUseTime",
  u.id AS "userId", u.email, u.display_name AS "displayName"`);

type TokenAndAccessRow = TokenRow & Partial<AccessRow> & { hasAccessRow: boolean };

// Revocation is read from the database on every request (no cache in this process), so a revoked
// token is refused on the next request by every server instance.
export async function callerFromToken(token: string): Promise<Caller> {
  return (await readToken(token)).caller;
}

/**
 * The token's caller and, when `access` names the request's organization (or workspace), the
 * caller's access row there, read in the same statement (the row lib/auth/authorize would read
 * next; it takes it from the context instead of a second statement).
 */
async function readToken(token: string, access?: AccessTarget): Promise<Authenticated> {
  // A token whose checksum does not match was mistyped or made up: refused before any query.
  if (!tokenFormat(token)) throw unauthenticated("The access token is not valid.");
  // One statement: the token and its user (Prisma's nested select would be two), and the access row.
  const hash = hashToken(token);
  const [row] = await queryRows<TokenAndAccessRow>(
    access
      ? Prisma.sql`
    SELECT ${TOKEN_COLUMNS}, a.*, a."organizationDeleted" IS NOT NULL AS "hasAccessRow"
      FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
      LEFT JOIN LATERAL (${accessRowQuery(access, Prisma.raw("t.user_id"))}) a ON TRUE
     WHERE t.token_hash = ${hash}`
      : Prisma.sql`
    SELECT ${TOKEN_COLUMNS}, FALSE AS "hasAccessRow"
      FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ${hash}`,
  );
  const now = new Date();
  if (!row) throw unauthenticated("The access token is not valid.");
  if (row.revokeTime) throw unauthenticated("The access token was revoked.");
  if (row.expireTime && row.expireTime <= now) throw unauthenticated("The access token has expired.");
  if (!row.lastUseTime || now.getTime() - row.lastUseTime.getTime() > LAST_USE_RESOLUTION_MS) {
    await (await db()).personalAccessToken.update({ where: { id: row.id }, data: { lastUseTime: now } });
  }
  const caller: Caller = {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    token: { tokenId: row.id, organizationId: row.organizationId, access: row.access, workspaceIds: row.workspaceIds ?? [] },
  };
  if (!access) return { caller };
  const accessRow: AccessRow | undefined = row.hasAccessRow
    ? {
        orgRoles: row.orgRoles ?? null,
        membersCanCreateWorkspaces: row.membersCanCreateWorkspaces ?? null,
        workspaceState: row.workspaceState ?? null,
        workspaceRoles: row.workspaceRoles ?? null,
        isMember: row.isMember ?? null,
        organizationDeleted: row.organizationDeleted ?? false,
      }
    : undefined;
  return { caller, prefetchedAccess: { target: access, row: accessRow } };
}

export async function callerFromSessionJwt(jwt: string): Promise<Caller | undefined> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return undefined;
  const payload = await decode({ token: jwt, secret }).catch(() => null);
  const userId = typeof payload?.sub === "string" ? payload.sub : undefined;
  if (!userId) return undefined;
  const [user] = await queryRows<{ id: string; email: string; displayName: string; credentialVersion: number }>(
    Prisma.sql`SELECT id, email, display_name AS "displayName", credential_version AS "credentialVersion" FROM users WHERE id = ${userId}`,
  );
  if (!user || !sessionIsCurrent(sessionVersion(payload?.cv), user.credentialVersion)) return undefined;
  if (await sessionEnded(payload?.sid)) return undefined;
  return { userId: user.id, email: user.email, displayName: user.displayName };
}

export async function authenticateRequest(req: ApiRequest): Promise<Caller> {
  return (await authenticate(req)).caller;
}

/** The caller, and what a token's statement read of its access (see RequestContext.prefetchedAccess). */
export interface Authenticated {
  caller: Caller;
  prefetchedAccess?: PrefetchedAccess;
}

/**
 * Who is calling, or UNAUTHENTICATED. With `access` (the organization or workspace the request
 * is about), a token's statement also reads the caller's access row there.
 */
export async function authenticate(req: ApiRequest, access?: AccessTarget): Promise<Authenticated> {
  const header = req.headers.get("authorization");
  if (header) {
    const token = tokenFromHeader(header);
    if (!token) throw unauthenticated("The Authorization header must be 'Bearer <token>' or 'AccessKey <token>'.");
    return readToken(token, access);
  }
  const jwt = sessionTokenFrom(req.headers.get("cookie"));
  const caller = jwt ? await callerFromSessionJwt(jwt) : undefined;
  if (!caller) throw unauthenticated();
  if (req.method !== "GET" && req.method !== "HEAD" && !isSameOriginRequest(req.headers, req.url)) {
    throw new ApiError("PERMISSION_DENIED", "Cross-site request refused: a session-authenticated change must come from this site.", {
      reason: "CROSS_SITE_REQUEST",
    });
  }
  return { caller };
}
