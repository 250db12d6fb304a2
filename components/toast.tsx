"use client";

// A small toast primitive: one polite live region that is always in the DOM (so screen readers
// announce what is added to it), toasts that dismiss themselves after a while unless hovered or
// focused, and a close button on each.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it goes away on its own; errors stay a little longer by default. */
  duration?: number;
}

interface ToastItem extends Required<Omit<ToastInput, "description">> {
  id: number;
  description?: string;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

export function useToast(): (toast: ToastInput) => void {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast must be used inside <ToastProvider>.");
  return ctx;
}

const toneStyles: Record<ToastTone, { bar: string; label: string }> = {
  success: { bar: "bg-green-600 dark:bg-green-400", label: "Success" },
  error: { bar: "bg-red-600 dark:bg-red-400", label: "Error" },
  info: { bar: "bg-accent", label: "Notice" },
};

function ToastCard({ toast, onDismiss }: { toast: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.duration);
  const startedAt = useRef(0);

  useEffect(() => {
    if (paused) return;
    startedAt.current = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - startedAt.current;
    };
  }, [paused, onDismiss, toast.id]);

  const tone = toneStyles[toast.tone];
  return (
    <li
      className="pointer-events-auto flex w-full overflow-hidden rounded-lg border border-border bg-surface shadow-lg"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span aria-hidden="true" className={`w-1 shrink-0 ${tone.bar}`} />
      <div className="min-w-0 flex-1 px-4 py-3">
        <p className="line-clamp-3 text-sm font-semibold break-words">
          <span className="sr-only">{tone.label}: </span>
          {toast.title}
        </p>
        {/* Bounded: a long server message scrolls inside the toast instead of growing it off screen. */}
        {toast.description ? <p className="mt-1 max-h-32 overflow-y-auto text-sm break-words text-muted">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        className="m-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg"
        aria-label="Dismiss notification"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
        </svg>
      </button>
    </li>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback((input: ToastInput) => {
    const tone = input.tone ?? "success";
    const item: ToastItem = {
      id: nextId.current++,
      title: input.title,
      description: input.description,
      tone,
      duration: input.duration ?? (tone === "error" ? 8000 : 5000),
    };
    setToasts((all) => [...all.slice(-3), item]);
  }, []);
  const value = useMemo(() => push, [push]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <section aria-label="Notifications" className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex justify-center p-4 sm:justify-end">
        <div role="status" aria-live="polite" aria-atomic="false" className="w-full max-w-sm">
          <ol className="flex flex-col gap-2">
            {toasts.map((t) => (
              <ToastCard key={t.id} toast={t} onDismiss={dismiss} />
            ))}
          </ol>
        </div>
      </section>
    </ToastContext.Provider>
  );
}
