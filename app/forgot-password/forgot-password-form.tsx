"use client";

import Link from "next/link";
import { useState } from "react";
import { SingleFieldForm } from "@/components/single-field-form";
import { emailSchema } from "@/lib/schemas/common";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p className="font-medium">Check your inbox</p>
        <p>If {sentTo} belongs to an account, we sent it a link to choose a new password. The link works once, for one hour.</p>
        <p>
          <Link href="/login" className="font-medium text-link underline-offset-2 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <SingleFieldForm
      name="email"
      label="Email"
      type="email"
      autoComplete="email"
      // The same rule the API applies to addresses everywhere; the raw text is what is sent.
      schema={emailSchema}
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
