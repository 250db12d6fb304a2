import type { ReactNode } from "react";
import { LogoMark } from "./logo-mark";

/** The signed-out pages' frame: logo, heading, a card, and an optional footer line. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <LogoMark size="lg" className="mb-4" />
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="mt-2 text-sm text-muted">{subtitle}</p> : null}
        </div>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm">{children}</div>
        {footer ? <p className="mt-6 text-center text-sm text-muted">{footer}</p> : null}
      </div>
    </main>
  );
}
