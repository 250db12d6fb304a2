"use client";

// The submit button of a page form (sign-in, sign-up, password reset, a new organization). It
// stays disabled until React has hydrated the page: a click before that would be a native submit,
// which would post the page or put a password in a URL. While the request runs it shows a
// spinner and what is happening ("Signing in…").

import { useSyncExternalStore, type ReactNode } from "react";
import { Button, Spinner } from "./button";

const noSubscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

export function SubmitButton({ pending, pendingLabel, children, className = "w-full" }: { pending: boolean; pendingLabel?: string; children: ReactNode; className?: string }) {
  const hydrated = useHydrated();
  return (
    <Button type="submit" className={className} disabled={pending || !hydrated}>
      {pending ? <Spinner /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
