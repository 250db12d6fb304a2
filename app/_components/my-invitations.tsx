"use client";

// The signed-in user's pending invitations on the home page: accept (then land in the
// workspace) or decline, each with a toast. Accepting without the mailed link needs a verified
// address, so an unverified user is told so and can have the confirmation link sent again.

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { LocalTime } from "@/components/local-time";
import { ReasonButton } from "@/components/reason-button";
import { useToast } from "@/components/toast";
import { Truncate } from "@/components/truncate";
import type { ActionFailure } from "@/lib/console/action-result";
import { invitationTarget, landingOf, type PendingInvitation } from "@/lib/console/my-invitations";
import { resendVerificationAction } from "../(console)/o/[org]/_lib/verify-email-actions";
import { acceptMyInvitationAction, declineMyInvitationAction } from "../actions";

const VERIFY_TO_ACCEPT = "Verify your email to accept";

export function MyInvitations({ invitations, verified }: { invitations: PendingInvitation[]; verified: boolean }) {
  return (
    <section id="invitations" aria-labelledby="my-invitations-heading" className="scroll-mt-4 rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h2 id="my-invitations-heading" className="text-base font-semibold">
        Invitations
      </h2>
      {verified ? (
        <p className="mt-1 text-sm text-muted">You have been invited to join these. Accept to become a member with the roles shown.</p>
      ) : (
        <VerifyToAccept />
      )}
      <ul className="mt-3 divide-y divide-border">
        {invitations.map((inv) => (
          <InvitationRow key={inv.id} inv={inv} verified={verified} />
        ))}
      </ul>
    </section>
  );
}

function VerifyToAccept() {
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");
  async function resend() {
    setState("sending");
    try {
      setState((await resendVerificationAction()).ok ? "sent" : "failed");
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
      <p>{VERIFY_TO_ACCEPT}: open the confirmation link we mailed you, or the link in the invitation mail.</p>
      {state === "sent" ? (
        <p role="status" className="mt-1">
          A new confirmation link is on its way.
        </p>
      ) : (
        <Button size="sm" variant="ghost" className="mt-1 -ml-3" onClick={resend} disabled={state === "sending"}>
          {state === "failed" ? "Could not send — try again" : "Send the confirmation link again"}
        </Button>
      )}
    </div>
  );
}

function InvitationRow({ inv, verified }: { inv: PendingInvitation; verified: boolean }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const router = useRouter();
  const toast = useToast();
  const target = invitationTarget(inv);
  const accept = useMutation({
    mutationFn: () => acceptMyInvitationAction(inv.id),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: "Invitation accepted", description: `You are now a member of ${target}.` });
      router.push(landingOf(result.data));
    },
    onError: () => setFailure(UNREACHABLE),
  });
  const decline = useMutation({
    mutationFn: () => declineMyInvitationAction(inv.id),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result.error);
      toast({ title: "Invitation declined", description: `You declined the invitation to ${target}.` });
      router.refresh();
    },
    onError: () => setFailure(UNREACHABLE),
  });
  const busy = accept.isPending || decline.isPending || accept.data?.ok === true;
  return (
    <li className="py-3" data-testid="my-invitation">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 flex-1">
          <Truncate text={target} className="font-medium" />
          <p className="text-xs text-muted">
            {inv.roleTitles.join(", ")} · from {inv.inviter || "an administrator"} · expires <LocalTime iso={inv.expireTime} />
          </p>
        </div>
        <div className="flex shrink-0 gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => decline.mutate()}
            disabled={busy}
            aria-label={`Decline the invitation to ${target}`}
          >
            {decline.isPending ? <Spinner /> : null}
            Decline
          </Button>
          <ReasonButton
            size="sm"
            reason={verified ? undefined : VERIFY_TO_ACCEPT}
            onClick={() => accept.mutate()}
            disabled={busy}
            aria-label={`Accept the invitation to ${target}`}
          >
            {accept.isPending ? <Spinner /> : null}
            Accept
          </ReasonButton>
        </div>
      </div>
      <div className="mt-2 empty:hidden">
        <ActionErrorAlert failure={failure} />
      </div>
    </li>
  );
}
