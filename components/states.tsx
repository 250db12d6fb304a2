// Empty, error and loading states shared by console pages.

import type { ReactNode } from "react";
import { Button } from "./button";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center px-6 py-14 text-center">
      <span aria-hidden="true" className="mb-4 inline-flex size-12 items-center justify-center rounded-full bg-surface-2 text-muted">
        <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <path d="M3 10h18M9 15h6" />
        </svg>
      </span>
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? <div className="mt-1 max-w-md text-sm text-muted">{children}</div> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  message: string;
  requestId?: string;
  /** What the id is called; a render error's digest is not a request id. */
  idLabel?: string;
  onRetry?: () => void;
  /** More ways out, shown beside "Try again". */
  actions?: ReactNode;
}

/** The server's own message and request id, so a user can quote them to an operator. */
export function ErrorState({ title = "Something went wrong", message, requestId, idLabel = "Request ID", onRetry, actions }: ErrorStateProps) {
  return (
    <div role="alert" className="m-4 rounded-lg border border-red-300 bg-danger-bg p-4 dark:border-red-900">
      <h2 className="text-sm font-semibold text-danger">{title}</h2>
      <p className="mt-1 text-sm break-words">{message}</p>
      {requestId ? (
        <p className="mt-2 text-xs text-muted">
          {idLabel}: <code className="font-mono select-all">{requestId}</code>
        </p>
      ) : null}
      {onRetry || actions ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {onRetry ? (
            <Button variant="secondary" size="sm" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </div>
  );
}

export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded bg-skeleton ${className}`} />;
}

/** A loading row's picture and two lines (a person, a workspace): sizes as Tailwind classes. */
export function IdentitySkeleton({ avatar, lines: [first, second] }: { avatar: string; lines: [string, string] }) {
  return (
    <div className="flex items-center gap-3">
      <Skeleton className={`shrink-0 ${avatar}`} />
      <div className="flex-1 space-y-1.5">
        <Skeleton className={`h-3.5 ${first}`} />
        <Skeleton className={`h-3 ${second}`} />
      </div>
    </div>
  );
}
