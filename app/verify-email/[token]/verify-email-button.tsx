"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, Spinner } from "@/components/button";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import type { ActionFailure } from "@/lib/console/action-result";
import { verifyEmailAction } from "./actions";

const PROBLEMS: Record<string, string> = {
  LINK_USED: "This link has already been used.",
  LINK_EXPIRED: "This link has expired. Sign in and ask for a new one from the banner.",
  LINK_INVALID: "This link is not valid.",
};

export function VerifyEmailButton({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setFailure(null);
    try {
      const result = await verifyEmailAction({ token });
      if (!result.ok) setFailure(result.error);
      else if (result.data.problem) setOutcome(PROBLEMS[result.data.problem] ?? PROBLEMS.LINK_INVALID);
      else setOutcome(result.data.verified ? "Your email address is confirmed." : "This link was for an address your account no longer uses.");
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(false);
  }

  if (outcome) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <p>{outcome}</p>
        <Link href="/" className="font-medium text-link underline-offset-2 hover:underline">
          Continue
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <Button type="button" className="w-full" onClick={confirm} disabled={pending}>
        {pending ? (
          <>
            <Spinner />
            Confirming…
          </>
        ) : (
          "Confirm my email address"
        )}
      </Button>
    </div>
  );
}
