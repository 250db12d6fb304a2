import type { ActionFailure } from "@/lib/console/action-result";

/** A server action's refusal: its message and the request id to quote to an operator. */
export function FailureAlert({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
      <p className="text-danger">{failure.message}</p>
      {failure.requestId ? (
        <p className="mt-1 text-xs text-muted">
          Request ID: <code className="font-mono select-all">{failure.requestId}</code>
        </p>
      ) : null}
    </div>
  );
}

export const UNREACHABLE: ActionFailure = {
  code: "UNAVAILABLE",
  message: "The server could not be reached. Check your connection and try again.",
  requestId: "",
  fieldViolations: [],
};
