"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { PasswordInput } from "@/components/password-input";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import type { ActionFailure } from "@/lib/console/action-result";
import { signUpAction } from "./actions";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";

type FieldName = "name" | "email" | "password";

const noSubscribe = () => () => {};

/** The API's field names → this form's. */
const FIELD_OF: Record<string, FieldName> = { display_name: "name", email: "email", password: "password" };

function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function SignUpForm({ minPasswordLength, maxPasswordLength }: { minPasswordLength: number; maxPasswordLength: number }) {
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [emailTaken, setEmailTaken] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  // As on the sign-in form: never a native submit, which would put the password in a URL.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);

  const ids = { name: fieldIds("signup-name"), email: fieldIds("signup-email"), password: fieldIds("signup-password") };
  const passwordRule = `At least ${minPasswordLength} characters (at most ${maxPasswordLength}). A few unrelated words make a strong one.`;

  const set = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
    if (field === "email") setEmailTaken(false);
  };

  const focusFirstInvalid = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());

  function check(): Partial<Record<FieldName, string>> {
    const next: Partial<Record<FieldName, string>> = {};
    if (!values.name.trim()) next.name = "Enter your name.";
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) next.email = "Enter an email address, like name@example.com.";
    if ([...values.password].length < minPasswordLength) next.password = `The password needs at least ${minPasswordLength} characters.`;
    else if ([...values.password].length > maxPasswordLength) next.password = `The password can have at most ${maxPasswordLength} characters.`;
    return next;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    const local = check();
    setErrors(local);
    if (Object.keys(local).length) {
      focusFirstInvalid();
      return;
    }
    setPending(true);
    try {
      const result = await signUpAction({ name: values.name, email: values.email, password: values.password });
      if (!result.ok) {
        const next: Partial<Record<FieldName, string>> = {};
        for (const v of result.error.fieldViolations) {
          const field = FIELD_OF[v.field];
          if (field && !next[field]) next[field] = capitalize(v.description).replace(/^Display_name\b/, "Name");
        }
        setErrors(next);
        setEmailTaken(result.error.code === "ALREADY_EXISTS");
        setFailure(Object.keys(next).length ? null : result.error);
        setPending(false);
        focusFirstInvalid();
        return;
      }
      const signedIn = await signIn("credentials", { redirect: false, email: values.email.trim(), password: values.password });
      const target = result.data.organizationId ? `/o/${result.data.organizationId}/workspaces` : "/";
      if (signedIn?.ok && !signedIn.error) {
        router.replace(target);
        return;
      }
      if (!result.data.organizationId) {
        // An address that already has an account gets a mail, not an answer on this page.
        setCheckInbox(values.email.trim());
        setPending(false);
        return;
      }
      // The account exists; only the automatic sign-in failed.
      router.replace(`/login?callbackUrl=${encodeURIComponent(target)}`);
    } catch {
      setFailure(UNREACHABLE);
      setPending(false);
    }
  }

  if (checkInbox) {
    return (
      <div role="status" className="space-y-3 rounded-md border border-border bg-surface-2 p-4 text-sm">
        <p className="font-medium">Check your inbox</p>
        <p>We sent a message to {checkInbox} with what to do next.</p>
        <p>
          <Link href="/login" className="font-medium text-link underline-offset-2 hover:underline">
            Go to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <Field ids={ids.name} label="Name" error={errors.name}>
        <input
          {...controlProps(ids.name, { error: errors.name })}
          name="name"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          autoComplete="name"
          maxLength={256}
          required
          autoFocus
          className={inputClass}
        />
      </Field>
      <Field ids={ids.email} label="Email" error={errors.email}>
        <input
          {...controlProps(ids.email, { error: errors.email })}
          name="email"
          type="email"
          inputMode="email"
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          autoComplete="email"
          maxLength={254}
          required
          className={inputClass}
        />
      </Field>
      {emailTaken ? (
        <p className="-mt-3 text-sm">
          <Link href="/login" className="font-medium text-link underline-offset-2 hover:underline">
            Go to sign in
          </Link>
        </p>
      ) : null}
      <Field ids={ids.password} label="Password" hint={passwordRule} error={errors.password}>
        <PasswordInput
            {...controlProps(ids.password, { hint: true, error: errors.password })}
            name="password"
            value={values.password}
            onChange={(e) => set("password", e.target.value)}
            autoComplete="new-password"
            minLength={minPasswordLength}
            maxLength={maxPasswordLength}
            required
          />
      </Field>
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? (
          <>
            <Spinner />
            Creating your account…
          </>
        ) : (
          "Create account"
        )}
      </Button>
    </form>
  );
}
