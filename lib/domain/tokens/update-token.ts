import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { authorizeAccount } from "../../auth/authorize";
import { invalidArgument } from "../../api/errors";
import { looksLikeId } from "../../ids";
import type { TokenOutput, TokenUpdateInput } from "../../schemas/tokens";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { tokenName, tokenNotFound, tokenSelect, toTokenOutput, visibleTokensWhere } from "./token-output";

/** PATCH /me/tokens/{token_id}: renames one of the caller's tokens (nothing else is changeable). */
export async function updateToken(
  ctx: RequestContext,
  tokenId: string,
  input: TokenUpdateInput,
  paths: ReadonlySet<string>,
): Promise<TokenOutput> {
  authorizeAccount(ctx, "update:AccessToken");
  if (!looksLikeId(tokenId, "pat")) throw tokenNotFound(ctx, tokenId);
  if (paths.has("display_name") && input.display_name === undefined) throw invalidArgument("display_name", "display_name is required");
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const before = await tx.personalAccessToken.findFirst({ where: { ...visibleTokensWhere(ctx), id: tokenId }, select: tokenSelect });
    if (!before) throw tokenNotFound(ctx, tokenId);
    if (!paths.has("display_name") || input.display_name === before.displayName) return before;
    // The scope is in the where clause again: the row cannot have been revoked in between.
    const updated = await tx.personalAccessToken.updateManyAndReturn({
      where: { ...visibleTokensWhere(ctx), id: tokenId },
      data: { displayName: input.display_name },
      select: tokenSelect,
    });
    if (updated.length === 0) throw tokenNotFound(ctx, tokenId);
    if (before.organizationId) {
      await writeAuditEntry(tx, ctx, {
        organizationId: before.organizationId,
        action: "token.update",
        resource: tokenName(ctx.caller.userId, tokenId),
        changes: { before: { display_name: before.displayName }, after: { display_name: input.display_name } },
      });
    }
    return updated[0];
  });
  return toTokenOutput(row);
}
