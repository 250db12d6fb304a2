"use server";

// Sign-up is the one console action for a signed-out visitor, so it has no session wrapper: the
// domain's signUp validates everything, and this only shapes the answer.

import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { toApiError } from "@/lib/api/http";
import type { ActionResult } from "@/lib/auth/action";
import { signUp } from "@/lib/domain/users/sign-up";

/**
 * What a taken email gets. A sign-up form that creates accounts on the spot cannot hide that an
 * address is registered (the sign-up either happens or not), so the answer says no more than
 * that: it neither echoes the address nor says whose it is or what it belongs to, and it points
 * to sign-in, whose own answers never tell unknown emails from wrong passwords.
 */
const EMAIL_UNAVAILABLE = "This email cannot be used for a new account. If it is yours, sign in instead.";

export async function signUpAction(input: { name?: unknown; email?: unknown; password?: unknown }): Promise<ActionResult<{ organizationId: string }>> {
  const h = await headers();
  const requestId = `req_${randomUUID().replaceAll("-", "")}`;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  try {
    // Only these three fields: an invitation token (which skips the new organization) is not
    // something this form accepts.
    const result = await signUp(
      { display_name: text(input?.name), email: text(input?.email), password: text(input?.password) },
      {
        requestId,
        ip: (h.get("x-forwarded-for")?.split(",")[0] ?? "").trim().slice(0, 64),
        userAgent: (h.get("user-agent") ?? "").slice(0, 512),
      },
    );
    return { ok: true, data: { organizationId: result.organizationId ?? "" } };
  } catch (error) {
    const e = toApiError(error);
    if (e.code === "INTERNAL" || e.code === "UNAVAILABLE") console.error(`[${requestId}] sign-up failed:`, error);
    if (e.code === "ALREADY_EXISTS") {
      return {
        ok: false,
        error: { code: e.code, message: EMAIL_UNAVAILABLE, requestId, fieldViolations: [{ field: "email", description: EMAIL_UNAVAILABLE }] },
      };
    }
    return { ok: false, error: { code: e.code, message: e.message, requestId, fieldViolations: e.options.fieldViolations ?? [] } };
  }
}
