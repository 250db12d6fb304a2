import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { VerifyEmailButton } from "./verify-email-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Confirm your email address">
      <VerifyEmailButton token={token} />
    </AuthCard>
  );
}
