"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Spinner } from "@/components/button";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import type { ActionFailure } from "@/lib/console/action-result";
import { acceptInvitationAction, declineInvitationAction } from "./actions";

/** Accept or decline, for the signed-in invitee. */
export function InviteResponse({ token }: { token: string }) {
  const [pending, setPending] = useState<"accept" | "decline" | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [declined, setDeclined] = useState(false);
  const router = useRouter();

  async function accept() {
    setPending("accept");
    setFailure(null);
    try {
      const result = await acceptInvitationAction({ token });
      if (result.ok) {
        router.replace(result.data.workspaceId ? `/o/${result.data.organizationId}/workspaces/${result.data.workspaceId}/general` : `/o/${result.data.organizationId}/workspaces`);
        return;
      }
      setFailure(result.error);
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(null);
  }

  async function decline() {
    setPending("decline");
    setFailure(null);
    try {
      const result = await declineInvitationAction({ token });
      if (result.ok) setDeclined(true);
      else setFailure(result.error);
    } catch {
      setFailure(UNREACHABLE);
    }
    setPending(null);
  }

  if (declined) return <p role="status" className="text-sm">You declined the invitation. Nothing else changed.</p>;
  return (
    <div className="space-y-4">
      <ActionErrorAlert failure={failure} />
      <Button type="button" className="w-full" onClick={accept} disabled={pending !== null}>
        {pending === "accept" ? (
          <>
            <Spinner />
            Joining…
          </>
        ) : (
          "Accept invitation"
        )}
      </Button>
      <Button type="button" variant="ghost" className="w-full" onClick={decline} disabled={pending !== null}>
        {pending === "decline" ? "Declining…" : "Decline"}
      </Button>
    </div>
  );
}
