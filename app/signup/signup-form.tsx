"use client";

// Sign-up: react-hook-form over the API's UserCreateInput (the schema the server parses the
// sign-up with), its violations on the fields they name. A taken address is not told apart on
// this page: it gets a mail, and the page asks to check the inbox.

import { signIn } from "@/lib/console/sign-in";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import Link from "next/link";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { DisplayNameField, NewPasswordField } from "@/components/account-fields";
import { AuthNotice } from "@/components/auth-notice";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { USER_LABELS } from "@/lib/console/form-labels";
import { signUpAction } from "./actions";

type SignUpValues = { display_name: string; email: string; password: string };
const resolver = schemaResolver<SignUpValues>(() => import("@/lib/schemas/users").then((m) => m.UserCreateInput), USER_LABELS);

export function SignUpForm({ minPasswordLength, maxPasswordLength }: { minPasswordLength: number; maxPasswordLength: number }) {
  const form = useForm<SignUpValues>({ defaultValues: { display_name: "", email: "", password: "" }, resolver });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [emailTaken, setEmailTaken] = useState(false);
  const [checkInbox, setCheckInbox] = useState<string | null>(null);
  const router = useRouter();
  const { errors, isSubmitting } = form.formState;
  const emailIds = fieldIds("signup-email");
  const passwordRule = `At least ${minPasswordLength} characters (at most ${maxPasswordLength}). A few unrelated words make a strong one.`;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    setEmailTaken(false);
    try {
      const result = await signUpAction({ name: values.display_name, email: values.email, password: values.password });
      if (!result.ok) {
        setEmailTaken(result.error.code === "ALREADY_EXISTS");
        setFailure(applyServerErrors(form, result.error, { labels: USER_LABELS }));
        return;
      }
      const email = values.email.trim();
      const signedIn = await signIn("credentials", { redirect: false, email, password: values.password });
      const target = result.data.organizationId ? `/o/${result.data.organizationId}/workspaces` : "/";
      if (signedIn?.ok && !signedIn.error) router.replace(target);
      // An address that already has an account gets a mail, not an answer on this page.
      else if (!result.data.organizationId) return setCheckInbox(email);
      // The account exists; only the automatic sign-in failed.
      else router.replace(`/login?callbackUrl=${encodeURIComponent(target)}`);
      // The page moves on; the button keeps spinning until it does.
      await new Promise(() => {});
    } catch {
      setFailure(UNREACHABLE);
    }
  });

  if (checkInbox) {
    return (
      <AuthNotice
        role="status"
        title="Check your inbox"
        link={{ href: "/login", label: "Go to sign in" }}
        className="space-y-3 rounded-md border border-border bg-surface-2 p-4 text-sm"
      >
        <p>We sent a message to {checkInbox} with what to do next.</p>
      </AuthNotice>
    );
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-5">
      <ActionErrorAlert failure={failure} />
      <DisplayNameField form={form} id="signup-name" />
      <Field ids={emailIds} label="Email" error={errors.email?.message}>
        <input
          {...controlProps(emailIds, { error: errors.email?.message })}
          {...form.register("email", { onChange: () => setEmailTaken(false) })}
          type="email"
          inputMode="email"
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
      <NewPasswordField form={form} id="signup-password" rule={passwordRule} />
      <SubmitButton pending={isSubmitting} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
