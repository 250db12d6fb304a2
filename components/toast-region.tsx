"use client";

// The toast region, loaded with the first toast (components/toast.tsx): sonner's Toaster and the
// card each toast is drawn as.

import { useEffect } from "react";
import { Toaster, toast as sonner } from "sonner";
import type { ToastInput, ToastTone } from "./toast";

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

/** Shows one toast in the region (mounted by then: see ToastProvider). */
export function present(input: ToastInput): void {
  const tone = input.tone ?? "success";
  sonner.custom((id) => <ToastCard id={id} title={input.title} description={input.description} tone={tone} />, {
    duration: input.duration ?? (tone === "error" ? 8000 : 5000),
  });
}

export default function ToastRegion({ onReady }: { onReady: () => void }) {
  // sonner only shows toasts made after its Toaster subscribed: the first toast waits for this.
  useEffect(onReady, [onReady]);
  return <Toaster position="bottom-right" visibleToasts={4} containerAriaLabel="Notifications" toastOptions={{ unstyled: true }} />;
}
