"use client";

// The organization's pending invitations across its workspaces (ListOrganizationUserInvites, first
// page from the server): who, where, which roles, by whom, until when; Resend and Revoke through
// the Invites tab's own actions, offered per row by the caller's access in that workspace (the
// server checks again).

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/confirm-dialog";
import { LocalTime } from "@/components/local-time";
import { ReasonButton } from "@/components/reason-button";
import { RoleChip } from "@/components/role-chip";
import { EmptyState } from "@/components/states";
import { useToast } from "@/components/toast";
import { roleTitleOf } from "@/lib/console/role-grants";
import type { Gate } from "@/lib/operations/gates";
import type { UserInvitationOutput } from "@/lib/schemas/invitations";
import { resendInvitationAction, revokeInvitationAction } from "../../workspaces/[ws]/invites/actions";

/** A workspace the listed invitations point at: its title and what the caller may do there. */
export interface InviteWorkspace {
  title: string;
  resend: Gate;
  revoke: Gate;
}

export interface PendingInvitesSectionProps {
  org: string;
  invitations: UserInvitationOutput[];
  workspaces: Record<string, InviteWorkspace>;
  /** More pending invitations exist than are shown. */
  more: boolean;
}

const NO_WORKSPACE = "You have no access to this invitation's workspace.";

export function PendingInvitesSection({ org, invitations, workspaces, more }: PendingInvitesSectionProps) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<UserInvitationOutput | null>(null);

  async function resend(inv: UserInvitationOutput) {
    setBusy(inv.invitation_id);
    const result = await resendInvitationAction({ org, ws: inv.workspace_id }, inv.invitation_id);
    setBusy(null);
    if (result.ok) {
      toast({ tone: "success", title: `Invitation sent again to ${inv.email}` });
      router.refresh();
    } else {
      toast({ tone: "error", title: result.error.message });
    }
  }

  return (
    <section aria-labelledby="pending-invites-heading" className="rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5">
      <h2 id="pending-invites-heading" className="text-base font-semibold">
        Pending invitations
      </h2>
      <p className="mt-1 mb-4 max-w-2xl text-sm text-muted">Invitations not yet accepted, across all of the organization&apos;s workspaces.</p>
      {invitations.length === 0 ? (
        <EmptyState title="No pending invitations">Invite people from a workspace&apos;s Invites tab.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table aria-label="Pending invitations" className="w-full text-left text-sm">
            <thead className="bg-surface-2 text-xs text-muted uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Workspace</th>
                <th scope="col" className="px-3 py-2">Roles</th>
                <th scope="col" className="px-3 py-2">Invited by</th>
                <th scope="col" className="px-3 py-2">Expires</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {invitations.map((inv) => {
                const ws = workspaces[inv.workspace_id];
                return (
                  <tr key={inv.invitation_id}>
                    <td className="max-w-64 truncate px-3 py-2 font-medium" title={inv.email}>{inv.email}</td>
                    <td className="px-3 py-2">
                      {ws ? (
                        <Link href={`/o/${org}/workspaces/${inv.workspace_id}/invites`} className="text-accent underline-offset-2 hover:underline">
                          {ws.title}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex flex-wrap gap-1">
                        {inv.roles.map((r) => (
                          <RoleChip key={r} title={roleTitleOf(r, [])} scope="ROLE_SCOPE_WORKSPACE" />
                        ))}
                      </div>
                    </td>
                    <td className="max-w-48 truncate px-3 py-2" title={inv.inviter_email}>{inv.inviter_display_name || inv.inviter_email || "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap"><LocalTime iso={inv.expire_time} format="relative" /></td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      <div className="flex justify-end gap-1">
                        <ReasonButton
                          size="sm"
                          variant="ghost"
                          reason={ws ? ws.resend.reason : NO_WORKSPACE}
                          disabled={busy === inv.invitation_id}
                          onClick={() => resend(inv)}
                          aria-label={`Resend invitation to ${inv.email}`}
                        >
                          Resend
                        </ReasonButton>
                        <ReasonButton
                          size="sm"
                          variant="ghost"
                          reason={ws ? ws.revoke.reason : NO_WORKSPACE}
                          onClick={() => setRevoking(inv)}
                          aria-label={`Revoke invitation to ${inv.email}`}
                        >
                          Revoke
                        </ReasonButton>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {more ? <p className="mt-2 text-sm text-muted">Showing the newest {invitations.length}; each workspace&apos;s Invites tab lists all of its own.</p> : null}
      {revoking ? (
        <ConfirmActionDialog
          open
          onOpenChange={(open) => {
            if (!open) setRevoking(null);
          }}
          title={`Revoke the invitation to ${revoking.email}?`}
          description="The invitation link stops working at once. You can invite them again later."
          confirmLabel="Revoke invitation"
          action={() => revokeInvitationAction({ org, ws: revoking.workspace_id }, revoking.invitation_id)}
          done={{ tone: "success", title: `Invitation to ${revoking.email} revoked` }}
          onDone={() => router.refresh()}
        />
      ) : null}
    </section>
  );
}
