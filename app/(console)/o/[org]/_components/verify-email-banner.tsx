"use client";

// Shown until the user opens the link mailed at sign-up: the console works meanwhile.

import { useState } from "react";
import { Button } from "@/components/button";
import { resendVerificationAction } from "../_lib/verify-email-actions";

export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");
  async function resend() {
    setState("sending");
    try {
      const result = await resendVerificationAction();
      setState(result.ok ? "sent" : "failed");
    } catch {
      setState("failed");
    }
  }
  return (
    <aside aria-label="Email not confirmed" className="border-b border-amber-300 bg-amber-50 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
        <p className="min-w-0">
          Confirm your email address <span className="font-medium break-all">{email}</span>: open the link we mailed you.
        </p>
        {state === "sent" ? (
          <p role="status">A new link is on its way.</p>
        ) : (
          <Button size="sm" variant="ghost" onClick={resend} disabled={state === "sending"}>
            {state === "failed" ? "Could not send — try again" : "Send the link again"}
          </Button>
        )}
      </div>
    </aside>
  );
}
