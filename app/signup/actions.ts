"use server";

// Sign-up is the one console action for a signed-out visitor (publicAction: no session): the
// domain's signUp validates everything, and this only shapes the answer.

import { publicAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { signUp } from "@/lib/domain/users/sign-up";

/**
 * What a taken email gets. A sign-up form that creates accounts on the spot cannot hide that an
 * address is registered (the sign-up either happens or not), so the answer says no more than
 * that: it neither echoes the address nor says whose it is or what it belongs to, and it points
 * to sign-in, whose own answers never tell unknown emails from wrong passwords.
 */
const EMAIL_UNAVAILABLE = "This email cannot be used for a new account. If it is yours, sign in instead.";

export async function signUpAction(input: { name?: unknown; email?: unknown; password?: unknown }): Promise<ActionOutcome<{ organizationId: string }>> {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const result = await publicAction(async (meta) => {
    // Only these three fields: an invitation token (which skips the new organization) is not
    // something this form accepts.
    const created = await signUp({ display_name: text(input?.name), email: text(input?.email), password: text(input?.password) }, meta);
    return { organizationId: created.organizationId ?? "" };
  });
  if (!result.ok && result.error.code === "ALREADY_EXISTS") {
    return { ok: false, error: { ...result.error, message: EMAIL_UNAVAILABLE, fieldViolations: [{ field: "email", description: EMAIL_UNAVAILABLE }] } };
  }
  return result;
}
