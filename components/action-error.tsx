// A refused or failed change, as the server explained it: its message and the request id to
// quote to an operator. Shown inside the dialog or form that made the change.

import type { ActionFailure } from "@/lib/console/action-result";

/** `message` replaces the server's words where the page can say more precisely what happened. */
export function ActionErrorAlert({ failure, message }: { failure: ActionFailure | null; message?: string }) {
  if (!failure) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
      <p className="break-words text-danger">{message || failure.message}</p>
      {failure.requestId ? (
        <p className="mt-1 text-xs text-muted">
          Request ID: <code className="font-mono select-all">{failure.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

/** What a dialog shows when a server action could not be reached at all. */
export const UNREACHABLE: ActionFailure = {
  code: "UNAVAILABLE",
  message: "The server could not be reached. Check your connection and try again.",
  requestId: "",
  fieldViolations: [],
};
