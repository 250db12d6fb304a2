"use client";

// Toasts through sonner: it owns the queue, the stacking, the polite live region, pausing while
// hovered or focused, swipe to dismiss and the Alt+T shortcut to reach them by keyboard. The card
// inside stays ours: sonner's default card grows with its text, and a long server message must
// stay bounded (title clamped, description scrolling) and follow the app's light/dark tokens.

import type { ReactNode } from "react";
import { Toaster, toast as sonner } from "sonner";

export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it goes away on its own; errors stay a little longer by default. */
  duration?: number;
}

const toneStyles: Record<ToastTone, { bar: string; label: string }> = {
  success: { bar: "bg-green-600 dark:bg-green-400", label: "Success" },
  error: { bar: "bg-red-600 dark:bg-red-400", label: "Error" },
  info: { bar: "bg-accent", label: "Notice" },
};

function ToastCard({ id, title, description, tone }: { id: string | number; title: string; description?: string; tone: ToastTone }) {
  const style = toneStyles[tone];
  return (
    <div className="flex w-full overflow-hidden rounded-lg border border-border bg-surface text-fg shadow-lg sm:w-[356px]">
      <span aria-hidden="true" className={`w-1 shrink-0 ${style.bar}`} />
      <div className="min-w-0 flex-1 px-4 py-3">
        <p className="line-clamp-3 text-sm font-semibold break-words">
          <span className="sr-only">{style.label}: </span>
          {title}
        </p>
        {/* Bounded: a long server message scrolls inside the toast instead of growing it off screen. */}
        {description ? <p className="mt-1 max-h-32 overflow-y-auto text-sm break-words text-muted">{description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => sonner.dismiss(id)}
        className="m-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
        aria-label="Dismiss notification"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
        </svg>
      </button>
    </div>
  );
}

/** Shows a toast (success unless told otherwise). */
export function showToast(input: ToastInput): void {
  const tone = input.tone ?? "success";
  sonner.custom((id) => <ToastCard id={id} title={input.title} description={input.description} tone={tone} />, {
    duration: input.duration ?? (tone === "error" ? 8000 : 5000),
  });
}

export function useToast(): (toast: ToastInput) => void {
  return showToast;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <Toaster position="bottom-right" visibleToasts={4} containerAriaLabel="Notifications" toastOptions={{ unstyled: true }} />
    </>
  );
}
