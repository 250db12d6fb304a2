"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { CreateAccessToken, RevokeAccessToken } from "@/lib/operations/tokens";
import type { CreatedTokenOutput } from "@/lib/schemas/tokens";

/** CreateAccessToken from /settings/tokens: the answer holds the token, shown once. */
export async function createTokenAction(input: unknown): Promise<ActionOutcome<CreatedTokenOutput>> {
  return perform(CreateAccessToken, {}, { body: input });
}

/** RevokeAccessToken: refused from the next request on. */
export async function revokeTokenAction(tokenId: string): Promise<ActionOutcome<null>> {
  return perform(RevokeAccessToken, { token_id: tokenId });
}
