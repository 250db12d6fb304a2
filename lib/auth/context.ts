// The request context: who is calling and how, carried from the edge (route, action, CLI)
// into every domain function.

export type TokenAccessLevel = "FULL" | "READ_ONLY";

export interface TokenScope {
  tokenId: string;
  /** Null: the token works in every organization of its user. */
  organizationId: string | null;
  access: TokenAccessLevel;
  /** Empty: every workspace the user can reach. */
  workspaceIds: string[];
}

export interface Caller {
  userId: string;
  email: string;
  displayName: string;
  /** Set when the caller authenticated with a personal access token. */
  token?: TokenScope;
}

export interface RequestContext {
  caller: Caller;
  requestId: string;
  ip: string;
  userAgent: string;
  /**
   * The caller's access to the request's organization (or workspace), read in the statement that
   * authenticated the token (lib/auth/authenticate); the request's first authorization uses it
   * and clears it (lib/auth/authorize). Never kept beyond the request.
   */
  prefetchedAccess?: PrefetchedAccess;
}

/** An access row (lib/auth/authorize's AccessRow, undefined: no membership) and what it was read for. */
export interface PrefetchedAccess {
  target: { organizationId: string; workspace?: { workspaceId: string; includeDeleted: boolean } };
  row: object | undefined;
}

export function actorOf(ctx: RequestContext): { type: "USER" | "ACCESS_KEY"; id: string; email: string } {
  return ctx.caller.token
    ? { type: "ACCESS_KEY", id: ctx.caller.token.tokenId, email: ctx.caller.email }
    : { type: "USER", id: ctx.caller.userId, email: ctx.caller.email };
}
