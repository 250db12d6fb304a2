import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { consoleContext } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/console/callback-url";
import { LoginForm } from "./login-form";
import { LogoMark } from "@/components/logo-mark";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const callbackUrl = safeCallbackUrl(raw);
  // A session ended by a password change is no session: the visitor stays here to sign in again.
  if (await consoleContext()) redirect(callbackUrl);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark size="lg" className="mb-4" />
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Workspace Admin</h1>
          <p className="mt-2 text-sm text-muted">Use the email and password of your account.</p>
        </div>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        <p className="mt-4 text-center text-sm text-muted">
          New here?{" "}
          <Link href="/signup" className="font-medium text-link underline-offset-2 hover:underline">
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}
