"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import type { ActionFailure } from "@/lib/console/action-result";
import { signUpWithInvitationAction } from "./actions";

const noSubscribe = () => () => {};

/** Sign-up for the invited address (fixed: the invitation is for it), then straight into the workspace. */
export function InviteSignUpForm({ token, email, minPasswordLength }: { token: string; email: string; minPasswordLength: number }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [checkInbox, setCheckInbox] = useState(false);
  const router = useRouter();
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const ids = { email: fieldIds("invite-email"), name: fieldIds("invite-name"), password: fieldIds("invite-password") };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const local: typeof errors = {};
    if (!name.trim()) local.name = "Enter your name.";
    if ([...password].length < minPasswordLength) local.password = `The password needs at least ${minPasswordLength} characters.`;
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setPending(true);
    try {
      const result = await signUpWithInvitationAction({ token, name, password });
      if (!result.ok) {
        const next: typeof errors = {};
        for (const v of result.error.fieldViolations) {
          if (v.field === "display_name") next.name = v.description;
          if (v.field === "password") next.password = v.description;
        }
        setErrors(next);
        if (!Object.keys(next).length) setFailure(result.error);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { redirect: false, email: result.data.email, password });
      if (signedIn?.ok && !signedIn.error) {
        const { organizationId, workspaceId } = result.data;
        router.replace(organizationId ? (workspaceId ? `/o/${organizationId}/workspaces/${workspaceId}/general` : `/o/${organizationId}/workspaces`) : `/invite/${token}`);
        return;
      }
      setCheckInbox(true);
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(false);
  }

  if (checkInbox) {
    return (
      <div role="status" className="space-y-2 text-sm">
        <p className="font-medium">Check your inbox</p>
        <p>We sent a message to {email} with what to do next.</p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids.email} label="Email">
        <input {...controlProps(ids.email, {})} name="email" type="email" value={email} readOnly className={`${inputClass} bg-surface-2`} />
      </Field>
      <Field ids={ids.name} label="Name" error={errors.name}>
        <input {...controlProps(ids.name, { error: errors.name })} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={256} className={inputClass} />
      </Field>
      <Field ids={ids.password} label="Password" hint={`At least ${minPasswordLength} characters.`} error={errors.password}>
        <input
          {...controlProps(ids.password, { hint: true, error: errors.password })}
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            Creating your account…
          </>
        ) : (
          "Create account and join"
        )}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-link underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
