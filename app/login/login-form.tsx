"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import Link from "next/link";
import { inputClass } from "@/components/field";
import { PasswordInput } from "@/components/password-input";

// One message for an unknown email and a wrong password alike: the form must not reveal which
// addresses have accounts.
const BAD_CREDENTIALS = "Email or password is incorrect.";

const noSubscribe = () => () => {};

/** The wait a rate-limited sign-in answers with (`RATE_LIMITED:<seconds>`, see lib/auth/next-auth.ts), as a sentence. */
export function retryMessage(error: string | null | undefined, now = new Date()): string | undefined {
  const m = /^RATE_LIMITED:(\d+)$/.exec(error ?? "");
  if (!m) return undefined;
  const secs = Number(m[1]);
  const at = new Date(now.getTime() + secs * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const wait = secs < 90 ? `${secs} second${secs === 1 ? "" : "s"}` : `${Math.ceil(secs / 60)} minutes`;
  return `Too many failed sign-ins. Try again in ${wait} (at ${at}).`;
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const router = useRouter();
  // Until React has hydrated, a submit would be a native one, which this form must never make
  // (it would put the password in a URL): the button stays disabled until then.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError("");
    setPending(true);
    try {
      const result = await signIn("credentials", { redirect: false, email, password, callbackUrl });
      if (result?.ok && !result.error) {
        // signIn() has already refreshed the client session; the server pages read the new cookie.
        router.replace(callbackUrl);
        return;
      }
      setError(
        retryMessage(result?.error) ??
        (!result || result.error === "CredentialsSignin" || result.status === 401
          ? BAD_CREDENTIALS
          : "Sign-in is unavailable right now. Try again in a moment."),
      );
      passwordRef.current?.select();
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm text-danger dark:border-red-900">
          {error}
        </p>
      ) : null}
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          autoFocus
          className={inputClass}
          aria-invalid={error === BAD_CREDENTIALS || undefined}
        />
      </div>
      <div className="space-y-1.5">
        <div className="flex items-baseline justify-between gap-2">
          <label htmlFor="password" className="block text-sm font-medium">
            Password
          </label>
          {/* The reset flow lives at /forgot-password (same answer whether or not the address has an account). */}
          <Link href="/forgot-password" className="text-sm font-medium text-link underline-offset-2 hover:underline">
            Forgot password?
          </Link>
        </div>
        <PasswordInput
          ref={passwordRef}
          id="password"
          name="password"
          autoComplete="current-password"
          required
          aria-invalid={error === BAD_CREDENTIALS || undefined}
        />
      </div>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            Signing in…
          </>
        ) : (
          "Sign in"
        )}
      </Button>
    </form>
  );
}
