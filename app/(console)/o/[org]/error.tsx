"use client";

import { ErrorState } from "@/components/states";

// Server errors reach the browser without their message in production; the digest lets an
// operator find the matching server log line.
export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be shown"
      message={
        process.env.NODE_ENV === "production"
          ? "The server hit an error while preparing this page. Try again; if it keeps happening, give the reference below to your operator."
          : error.message
      }
      requestId={error.digest}
      idLabel="Error reference"
      onRetry={reset}
    />
  );
}
