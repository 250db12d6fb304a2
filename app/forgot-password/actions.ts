"use server";

// "Forgot password?" for a signed-out visitor: the same answer whatever the address.

import { publicAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { requestPasswordReset } from "@/lib/domain/users/password-reset";

export async function requestPasswordResetAction(input: { email?: unknown }): Promise<ActionOutcome<{ done: true }>> {
  return publicAction(async (meta) => {
    await requestPasswordReset({ email: typeof input?.email === "string" ? input.email : "" }, meta);
    return { done: true as const };
  });
}
