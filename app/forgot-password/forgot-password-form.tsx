"use client";

import Link from "next/link";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import type { ActionFailure } from "@/lib/console/action-result";
import { requestPasswordResetAction } from "./actions";

const noSubscribe = () => () => {};

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const ids = fieldIds("forgot-email");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError("Enter an email address, like name@example.com.");
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      const result = await requestPasswordResetAction({ email });
      if (result.ok) setSentTo(email.trim());
      else setFailure(result.error);
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(false);
  }

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
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids} label="Email" error={error}>
        <input
          {...controlProps(ids, { error })}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoFocus
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            Sending…
          </>
        ) : (
          "Send me a reset link"
        )}
      </Button>
    </form>
  );
}
