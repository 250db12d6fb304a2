"use server";

import { parseWith } from "@/lib/api/http";
import { userAction, type ActionResult } from "@/lib/auth/action";
import { createToken } from "@/lib/domain/tokens/create-token";
import { revokeToken } from "@/lib/domain/tokens/revoke-token";
import { TokenCreateInput, type CreatedTokenOutput } from "@/lib/schemas/tokens";

/** CreateToken from /settings/tokens: the answer holds the token, shown once. */
export async function createTokenAction(input: unknown): Promise<ActionResult<CreatedTokenOutput>> {
  return userAction((ctx) => createToken(ctx, parseWith(TokenCreateInput, input)));
}

/** RevokeToken: refused from the next request on. */
export async function revokeTokenAction(tokenId: string): Promise<ActionResult<null>> {
  return userAction(async (ctx) => {
    await revokeToken(ctx, String(tokenId));
    return null;
  });
}
