"use client";

import { useState } from "react";
import { AuthNotice } from "@/components/auth-notice";
import { SingleFieldForm } from "@/components/single-field-form";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    // The same answer whether or not the address has an account.
    return (
      <AuthNotice role="status" title="Check your inbox" link={{ href: "/login", label: "Back to sign in" }}>
        <p>If {sentTo} belongs to an account, we sent it a link to choose a new password. The link works once, for one hour.</p>
      </AuthNotice>
    );
  }

  return (
    <SingleFieldForm
      name="email"
      label="Email"
      type="email"
      autoComplete="email"
      // The API's own rule for the address; the raw text is what is sent.
      schema={() => import("@/lib/schemas/users").then((m) => m.PasswordResetRequestInput.pick({ email: true }))}
      submitLabel="Send me a reset link"
      pendingLabel="Sending…"
      onSubmit={async (email) => {
        const result = await requestPasswordResetAction({ email });
        if (!result.ok) return result.error;
        setSentTo(email.trim());
      }}
    />
  );
}
