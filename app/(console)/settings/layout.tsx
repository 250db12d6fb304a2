import type { ReactNode } from "react";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { consoleContext } from "@/lib/auth/session";
import { loginUrl, REQUESTED_PATH_HEADER, safeCallbackUrl } from "@/lib/console/callback-url";
import { LogoMark } from "@/components/logo-mark";
import { UserMenu } from "@/components/user-menu";

export const dynamic = "force-dynamic";

/** The signed-in user's own settings, outside any organization. */
export default async function AccountSettingsLayout({ children }: { children: ReactNode }) {
  const ctx = await consoleContext();
  if (!ctx) {
    const requested = (await headers()).get(REQUESTED_PATH_HEADER);
    redirect(loginUrl(requested ? safeCallbackUrl(requested) : "/settings/tokens"));
  }
  const { displayName, email } = ctx.caller;
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold" aria-label="Workspace Admin home">
            <LogoMark size="sm" />
            <span className="hidden md:inline">Workspace Admin</span>
          </Link>
          <span aria-hidden="true" className="text-border-strong">
            /
          </span>
          <span className="text-sm font-medium">Your account</span>
          <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
            <UserMenu displayName={displayName} email={email} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
