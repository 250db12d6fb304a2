"use client";

// Sign-in: react-hook-form over the API's SignInInput (the same schema the server checks), the
// show-password toggle, "Forgot password?", and one answer for an unknown email and a wrong
// password alike. A rate-limited sign-in says how long to wait.

import { signIn } from "@/lib/console/sign-in";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import Link from "next/link";
import { Field, FieldError, controlProps, fieldIds, inputClass } from "@/components/field";
import { PasswordInput } from "@/components/password-input";
import { SubmitButton } from "@/components/submit-button";
import { schemaResolver } from "@/lib/console/form-errors";

// One message for an unknown email and a wrong password alike: the form must not reveal which
// addresses have accounts.
const BAD_CREDENTIALS = "Email or password is incorrect.";

/** The wait a rate-limited sign-in answers with (`RATE_LIMITED:<seconds>`, see lib/auth/next-auth.ts), as a sentence. */
export function retryMessage(error: string | null | undefined, now = new Date()): string | undefined {
  const m = /^RATE_LIMITED:(\d+)$/.exec(error ?? "");
  if (!m) return undefined;
  const secs = Number(m[1]);
  const at = new Date(now.getTime() + secs * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const wait = secs < 90 ? `${secs} second${secs === 1 ? "" : "s"}` : `${Math.ceil(secs / 60)} minutes`;
  return `Too many failed sign-ins. Try again in ${wait} (at ${at}).`;
}

type SignInValues = { email: string; password: string };
const resolver = schemaResolver<SignInValues>(() => import("@/lib/schemas/users").then((m) => m.SignInInput));

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState("");
  const form = useForm<SignInValues>({ defaultValues: { email: "", password: "" }, resolver });
  const router = useRouter();
  const { errors, isSubmitting } = form.formState;
  const ids = { email: fieldIds("email"), password: fieldIds("password") };
  const refused = error === BAD_CREDENTIALS;

  const submit = form.handleSubmit(async ({ email, password }) => {
    setError("");
    try {
      const result = await signIn("credentials", { redirect: false, email: email.trim(), password, callbackUrl });
      if (result?.ok && !result.error) {
        // signIn() has already refreshed the client session; the server pages read the new cookie.
        router.replace(callbackUrl);
        // The page moves on; the button keeps spinning until it does.
        await new Promise(() => {});
      }
      setError(
        retryMessage(result?.error) ??
          (!result || result.error === "CredentialsSignin" || result.status === 401 ? BAD_CREDENTIALS : "Sign-in is unavailable right now. Try again in a moment."),
      );
      form.setFocus("password", { shouldSelect: true });
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
  });

  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-5" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm text-danger dark:border-red-900">
          {error}
        </p>
      ) : null}
      <Field ids={ids.email} label="Email" error={emailError}>
        <input
          {...controlProps(ids.email, { error: emailError })}
          {...form.register("email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          className={inputClass}
          aria-invalid={refused || Boolean(emailError) || undefined}
        />
      </Field>
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor={ids.password.id} className="block text-sm font-medium">
            Password
          </label>
          {/* The reset flow lives at /forgot-password (same answer whether or not the address has an account). */}
          <Link href="/forgot-password" className="text-sm font-medium text-link underline-offset-2 hover:underline">
            Forgot password?
          </Link>
        </div>
        <PasswordInput
          {...controlProps(ids.password, { error: passwordError })}
          {...form.register("password")}
          id={ids.password.id}
          autoComplete="current-password"
          required
          aria-invalid={refused || Boolean(passwordError) || undefined}
        />
        <FieldError id={ids.password.errorId} message={passwordError} />
      </div>
      <SubmitButton pending={isSubmitting} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
