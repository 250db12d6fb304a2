"use server";

// Confirming an address through its mailed link. It is a button press, not the page load, so a
// mail scanner that fetches links does not use the link up.

import { publicAction } from "@/lib/auth/action";
import type { ActionOutcome } from "@/lib/console/action-result";
import { ApiError } from "@/lib/api/errors";
import { verifyEmail } from "@/lib/domain/users/verify-email";

export async function verifyEmailAction(input: { token?: unknown }): Promise<ActionOutcome<{ verified: boolean; problem?: string }>> {
  return publicAction(async () => {
    try {
      return { verified: (await verifyEmail(typeof input?.token === "string" ? input.token : "")).verified };
    } catch (error) {
      const reason = error instanceof ApiError && error.code === "FAILED_PRECONDITION" ? error.options.reason : undefined;
      if (reason?.startsWith("LINK_")) return { verified: false, problem: reason };
      throw error;
    }
  });
}
