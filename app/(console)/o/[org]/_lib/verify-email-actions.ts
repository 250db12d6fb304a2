"use server";

// The "confirm your email" banner's one action: mail a new link to the signed-in user.

import { userAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { resendVerificationEmail } from "@/lib/domain/users/verify-email";

export async function resendVerificationAction(): Promise<ActionOutcome<{ sent: boolean }>> {
  return userAction((ctx) => resendVerificationEmail(ctx));
}
