"use server";

// The "confirm your email" banner's one action: mail a new link to the signed-in user.

import { userAction, type ActionResult } from "@/lib/auth/action";
import { resendVerificationEmail } from "@/lib/domain/users/verify-email";

export async function resendVerificationAction(): Promise<ActionResult<{ sent: boolean }>> {
  return userAction((ctx) => resendVerificationEmail(ctx));
}
