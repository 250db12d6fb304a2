import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { looksLikeId } from "../../ids";
import type { TokenOutput } from "../../schemas/tokens";
import { tokenNotFound, tokenSelect, toTokenOutput, visibleTokensWhere } from "./token-output";

/** GET /me/tokens/{token_id}: one of the caller's tokens, or NOT_FOUND (also for anyone else's). */
export async function getToken(ctx: RequestContext, tokenId: string): Promise<TokenOutput> {
  if (!looksLikeId(tokenId, "pat")) throw tokenNotFound(ctx, tokenId);
  const prisma = await db();
  const row = await prisma.personalAccessToken.findFirst({ where: { ...visibleTokensWhere(ctx), id: tokenId }, select: tokenSelect });
  if (!row) throw tokenNotFound(ctx, tokenId);
  return toTokenOutput(row);
}
