import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LogoMark } from "@/components/logo-mark";
import { consoleContext } from "@/lib/auth/session";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { SignUpForm } from "./signup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  // A session ended by a password change is no session: the visitor stays here to sign in again.
  if (await consoleContext()) redirect("/");

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark size="lg" className="mb-4" />
          <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
          <p className="mt-2 text-sm text-muted">You get your own organization with a first workspace, and can invite your team from there.</p>
        </div>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm">
          <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} maxPasswordLength={MAX_PASSWORD_LENGTH} />
        </div>
        <p className="mt-6 text-center text-sm text-muted">
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-link underline-offset-2 hover:underline">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
