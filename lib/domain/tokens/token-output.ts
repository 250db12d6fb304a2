import "server-only";
import type { RequestContext } from "../../auth/context";
import { notFound } from "../../api/errors";
import type { Prisma } from "../../generated/prisma/client";
import type { TokenOutput } from "../../schemas/tokens";

export const tokenSelect = {
  id: true,
  userId: true,
  displayName: true,
  prefix: true,
  access: true,
  organizationId: true,
  workspaceIds: true,
  createdAt: true,
  lastUseTime: true,
  expireTime: true,
} as const satisfies Prisma.PersonalAccessTokenSelect;

type TokenRow = Prisma.PersonalAccessTokenGetPayload<{ select: typeof tokenSelect }>;

export const tokenName = (userId: string, tokenId: string) => `users/${userId}/tokens/${tokenId}`;

export function toTokenOutput(row: TokenRow, now = new Date()): TokenOutput {
  return {
    name: tokenName(row.userId, row.id),
    token_id: row.id,
    display_name: row.displayName,
    prefix: row.prefix,
    access: row.access,
    organization_id: row.organizationId,
    workspace_ids: row.workspaceIds,
    state: row.expireTime && row.expireTime <= now ? "EXPIRED" : "ACTIVE",
    create_time: row.createdAt.toISOString(),
    last_use_time: row.lastUseTime?.toISOString() ?? null,
    expire_time: row.expireTime?.toISOString() ?? null,
  };
}

/**
 * The caller's tokens as the caller sees them: their own, not revoked (a revoked token is gone
 * for its owner; the row stays so the old secret keeps being refused as revoked), and, for a
 * caller using a token limited to one organization, only the tokens of that organization.
 */
export function visibleTokensWhere(ctx: RequestContext): Prisma.PersonalAccessTokenWhereInput {
  const scope = ctx.caller.token?.organizationId;
  return { userId: ctx.caller.userId, revokeTime: null, ...(scope ? { organizationId: scope } : {}) };
}

export function tokenNotFound(ctx: RequestContext, tokenId: string) {
  return notFound("AccessToken", tokenName(ctx.caller.userId, tokenId), { token_id: tokenId });
}
