"use client";

import { signIn } from "@/lib/console/sign-in";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AuthNotice } from "@/components/auth-notice";
import { SingleFieldForm } from "@/components/single-field-form";
import { resetPasswordAction } from "./actions";

const LINK_PROBLEMS: Record<string, string> = {
  LINK_USED: "This link has already been used. Ask for a new one if you still need to reset your password.",
  LINK_EXPIRED: "This link has expired (links work for one hour). Ask for a new one.",
  LINK_INVALID: "This link is not valid. Ask for a new one.",
};

export function ResetPasswordForm({ token, minPasswordLength }: { token: string; minPasswordLength: number }) {
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const router = useRouter();

  if (linkProblem) {
    return (
      <AuthNotice role="alert" link={{ href: "/forgot-password", label: "Get a new link" }}>
        <p>{linkProblem}</p>
      </AuthNotice>
    );
  }

  return (
    <SingleFieldForm
      name="password"
      label="New password"
      hint={`At least ${minPasswordLength} characters. Other sessions of your account will be signed out.`}
      type="password"
      autoComplete="new-password"
      schema={() => import("@/lib/schemas/users").then((m) => m.PasswordResetInput.pick({ password: true }))}
      submitLabel="Set new password"
      pendingLabel="Saving…"
      onSubmit={async (password) => {
        const result = await resetPasswordAction({ token, password });
        if (!result.ok) return result.error;
        if (result.data.problem !== undefined) {
          setLinkProblem(LINK_PROBLEMS[result.data.problem] ?? LINK_PROBLEMS.LINK_INVALID);
          return;
        }
        const signedIn = await signIn("credentials", { redirect: false, email: result.data.email, password });
        router.replace(signedIn?.ok && !signedIn.error ? "/" : "/login");
        // The page moves on; the button keeps spinning until it does.
        await new Promise(() => {});
      }}
    />
  );
}
