import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/users";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Choose a new password">
      <ResetPasswordForm token={token} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
