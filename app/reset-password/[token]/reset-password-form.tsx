"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import type { ActionFailure } from "@/lib/console/action-result";
import { resetPasswordAction } from "./actions";

const noSubscribe = () => () => {};

const LINK_PROBLEMS: Record<string, string> = {
  LINK_USED: "This link has already been used. Ask for a new one if you still need to reset your password.",
  LINK_EXPIRED: "This link has expired (links work for one hour). Ask for a new one.",
  LINK_INVALID: "This link is not valid. Ask for a new one.",
};

export function ResetPasswordForm({ token, minPasswordLength, maxPasswordLength }: { token: string; minPasswordLength: number; maxPasswordLength: number }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const ids = fieldIds("reset-password");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    const length = [...password].length;
    if (length < minPasswordLength || length > maxPasswordLength) {
      setError(`The password needs ${minPasswordLength} to ${maxPasswordLength} characters.`);
      return;
    }
    setError(undefined);
    setPending(true);
    try {
      const result = await resetPasswordAction({ token, password });
      if (!result.ok) {
        const violation = result.error.fieldViolations.find((v) => v.field === "password");
        if (violation) setError(violation.description);
        else setFailure(result.error);
        setPending(false);
        return;
      }
      if (result.data.problem !== undefined) {
        setLinkProblem(LINK_PROBLEMS[result.data.problem] ?? LINK_PROBLEMS.LINK_INVALID);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { redirect: false, email: result.data.email, password });
      router.replace(signedIn?.ok && !signedIn.error ? "/" : "/login");
    } catch {
      setFailure(UNREACHABLE);
      setPending(false);
    }
  }

  if (linkProblem) {
    return (
      <div role="alert" className="space-y-3 text-sm">
        <p>{linkProblem}</p>
        <p>
          <Link href="/forgot-password" className="font-medium text-link underline-offset-2 hover:underline">
            Get a new link
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids} label="New password" hint={`At least ${minPasswordLength} characters. Other sessions of your account will be signed out.`} error={error}>
        <input
          {...controlProps(ids, { hint: true, error })}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          autoFocus
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            Saving…
          </>
        ) : (
          "Set new password"
        )}
      </Button>
    </form>
  );
}
