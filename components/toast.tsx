"use client";

// Toasts through sonner: it owns the queue, the stacking, the polite live region, pausing while
// hovered or focused, swipe to dismiss and the Alt+T shortcut to reach them by keyboard. The card
// inside stays ours: sonner's default card grows with its text, and a long server message must
// stay bounded (title clamped, description scrolling) and follow the app's light/dark tokens.
//
// sonner and the card are not on any page's first load: the region (components/toast-region.tsx)
// is fetched and mounted with the first toast, which is shown once it is there.

import { useEffect, useState, type ReactNode } from "react";

export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it goes away on its own; errors stay a little longer by default. */
  duration?: number;
}

const loadRegion = () => import("./toast-region");
type Region = Awaited<ReturnType<typeof loadRegion>>;

let requestMount: (() => void) | undefined;
let mountRequested = false;
let regionReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (regionReady = resolve));

/** Shows a toast (success unless told otherwise). */
export function showToast(input: ToastInput): void {
  mountRequested = true;
  requestMount?.();
  void Promise.all([loadRegion(), ready]).then(([region]) => region.present(input));
}

export function useToast(): (toast: ToastInput) => void {
  return showToast;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [region, setRegion] = useState<Region | null>(null);
  useEffect(() => {
    requestMount = () => void loadRegion().then(setRegion);
    if (mountRequested) requestMount();
    return () => {
      requestMount = undefined;
    };
  }, []);
  const Region = region?.default;
  return (
    <>
      {children}
      {Region ? <Region onReady={regionReady} /> : null}
    </>
  );
}
