"use server";

// Setting a new password through a mailed link (signed out): the link is the credential. A link
// that is used, expired or unknown is an answer of its own (the page says which), not an error.

import { publicAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { ApiError } from "@/lib/api/errors";
import { resetPassword } from "@/lib/domain/users/password-reset";

export type ResetPasswordOutcome = { email: string; problem?: undefined } | { problem: string; email?: undefined };

export async function resetPasswordAction(input: { token?: unknown; password?: unknown }): Promise<ActionOutcome<ResetPasswordOutcome>> {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return publicAction(async () => {
    try {
      return await resetPassword({ token: text(input?.token), password: text(input?.password) });
    } catch (error) {
      const reason = error instanceof ApiError && error.code === "FAILED_PRECONDITION" ? error.options.reason : undefined;
      if (reason?.startsWith("LINK_")) return { problem: reason };
      throw error;
    }
  });
}
