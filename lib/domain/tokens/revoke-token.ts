import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { authorizeAccount } from "../../auth/authorize";
import { looksLikeId } from "../../ids";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { tokenName, tokenNotFound, visibleTokensWhere } from "./token-output";

/**
 * DELETE /me/tokens/{token_id}: revokes one of the caller's tokens. The row is kept with its
 * revoke_time, which authentication reads on every request, so the token is refused from the
 * next request on, by every server instance; its owner no longer sees it.
 */
export async function revokeToken(ctx: RequestContext, tokenId: string): Promise<void> {
  authorizeAccount(ctx, "delete:AccessToken");
  if (!looksLikeId(tokenId, "pat")) throw tokenNotFound(ctx, tokenId);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const revoked = await tx.personalAccessToken.updateManyAndReturn({
      where: { ...visibleTokensWhere(ctx), id: tokenId },
      data: { revokeTime: new Date() },
      select: { organizationId: true, displayName: true, prefix: true },
    });
    if (revoked.length === 0) throw tokenNotFound(ctx, tokenId);
    const [row] = revoked;
    if (row.organizationId) {
      await writeAuditEntry(tx, ctx, {
        organizationId: row.organizationId,
        action: "token.revoke",
        resource: tokenName(ctx.caller.userId, tokenId),
        changes: { before: { display_name: row.displayName, prefix: row.prefix } },
      });
    }
  });
}
