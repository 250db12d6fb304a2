"use client";

// Sign-up for the invited address (fixed: the invitation is for it), then straight into the
// workspace. The name and password are checked with the API's own UserCreateInput, and the
// server's violations land on the fields they name.

import Link from "next/link";
import { signIn } from "@/lib/console/sign-in";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { DisplayNameField, NewPasswordField } from "@/components/account-fields";
import { AuthNotice } from "@/components/auth-notice";
import { Field, controlProps, fieldIds, inputClass } from "@/components/field";
import { SubmitButton } from "@/components/submit-button";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors, schemaResolver } from "@/lib/console/form-errors";
import { USER_LABELS } from "@/lib/console/form-labels";
import { signUpWithInvitationAction } from "./actions";

type InviteSignUpValues = { display_name: string; password: string };
const resolver = schemaResolver<InviteSignUpValues>(
  () => import("@/lib/schemas/users").then((m) => m.UserCreateInput.pick({ display_name: true, password: true })),
  USER_LABELS,
);

export function InviteSignUpForm({ token, email, minPasswordLength }: { token: string; email: string; minPasswordLength: number }) {
  const form = useForm<InviteSignUpValues>({ defaultValues: { display_name: "", password: "" }, resolver });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [checkInbox, setCheckInbox] = useState(false);
  const router = useRouter();
  const { isSubmitting } = form.formState;
  const emailIds = fieldIds("invite-email");

  const submit = form.handleSubmit(async ({ display_name, password }) => {
    setFailure(null);
    try {
      const result = await signUpWithInvitationAction({ token, name: display_name, password });
      if (!result.ok) {
        setFailure(applyServerErrors(form, result.error, { labels: USER_LABELS }));
        return;
      }
      const signedIn = await signIn("credentials", { redirect: false, email: result.data.email, password });
      if (!signedIn?.ok || signedIn.error) return setCheckInbox(true);
      const { organizationId, workspaceId } = result.data;
      router.replace(organizationId ? (workspaceId ? `/o/${organizationId}/workspaces/${workspaceId}/general` : `/o/${organizationId}/workspaces`) : `/invite/${token}`);
      // The page moves on; the button keeps spinning until it does.
      await new Promise(() => {});
    } catch {
      setFailure(UNREACHABLE);
    }
  });

  if (checkInbox) {
    return (
      <AuthNotice role="status" title="Check your inbox" className="space-y-2 text-sm">
        <p>We sent a message to {email} with what to do next.</p>
      </AuthNotice>
    );
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <Field ids={emailIds} label="Email">
        <input {...controlProps(emailIds, {})} name="email" type="email" value={email} readOnly autoComplete="username" className={`${inputClass} bg-surface-2`} />
      </Field>
      <DisplayNameField form={form} id="invite-name" />
      <NewPasswordField form={form} id="invite-password" rule={`At least ${minPasswordLength} characters.`} />
      <SubmitButton pending={isSubmitting} pendingLabel="Creating your account…">
        Create account and join
      </SubmitButton>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-link underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
