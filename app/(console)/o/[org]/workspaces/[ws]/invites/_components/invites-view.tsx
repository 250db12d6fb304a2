"use client";

// The workspace's invitations: pending ones with roles, inviter and time left; the history by
// state; invite, resend and revoke, each offered only with its permission and while the workspace
// can change (the server checks again).

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/button";
import { ReasonButton } from "@/components/reason-button";
import { TableHead } from "@/components/table-head";
import { LocalTime } from "@/components/local-time";
import { RoleChip } from "@/components/role-chip";
import { useToast } from "@/components/toast";
import { roleTitleOf } from "@/lib/console/role-grants";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { MintedLink } from "@/lib/domain/invitations/minted-links";
import type { Gate } from "@/lib/operations/gates";
import type { UserInvitationOutput } from "@/lib/schemas/invitations";
import { INVITATION_STATES, type InvitationStateName } from "@/lib/schemas/values";
import type { RoleOutput } from "@/lib/schemas/roles";
import { resendInvitationAction, revokeInvitationAction } from "../actions";

// The dialogs (the invite form with react-hook-form, the invitation schema and zod; Radix dialog) load on their first opening.
const InviteDialog = dynamic(() => import("./invite-dialog").then((m) => m.InviteDialog), { ssr: false });
const ResentLinkDialog = dynamic(() => import("./invite-links").then((m) => m.ResentLinkDialog), { ssr: false });

const STATE_LABEL: Record<InvitationStateName, string> = {
  PENDING: "Pending",
  ACCEPTED: "Accepted",
  REVOKED: "Revoked",
  EXPIRED: "Expired",
  DECLINED: "Declined",
};

export function timeLeft(expireIso: string, now = Date.now()): string {
  const ms = Date.parse(expireIso) - now;
  if (ms <= 0) return "expired";
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 48) return `${Math.floor(hours / 24)} days left`;
  if (hours >= 1) return `${hours} h left`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min left`;
}

export interface InvitesViewProps {
  org: string;
  ws: string;
  state: InvitationStateName;
  invitations: UserInvitationOutput[];
  roles: RoleOutput[];
  domain: string;
  /** The caller's permissions, for the roles they may grant. */
  permissions: string[];
  can: { invite: Gate; revoke: Gate };
  readOnly: string;
  /** Opened from the Members tab's "Invite". */
  openInvite?: boolean;
}

export function InvitesView({ org, ws, state, invitations, roles, domain, permissions, can, readOnly, openInvite = false }: InvitesViewProps) {
  const held = new Set(permissions);
  const [open, setOpen] = useState(openInvite && can.invite.can && !readOnly);
  const [busy, setBusy] = useState<string | null>(null);
  const [resent, setResent] = useState<{ email: string; links: MintedLink[] } | null>(null);
  const [now] = useState(() => Date.now());
  const router = useRouter();
  const toast = useToast();
  const inviteOpened = useOpenedOnce(open);
  const resentOpened = useOpenedOnce(resent !== null);
  const canInvite = can.invite.can && !readOnly;
  const canRevoke = can.revoke.can && !readOnly;

  async function run(id: string, what: "resend" | "revoke", email: string) {
    setBusy(id);
    const result = what === "resend" ? await resendInvitationAction({ org, ws }, id) : await revokeInvitationAction({ org, ws }, id);
    setBusy(null);
    if (result.ok) {
      toast({ tone: "success", title: what === "resend" ? `Invitation sent again to ${email}` : `Invitation to ${email} revoked` });
      if (result.data && "links" in result.data) setResent({ email, links: result.data.links });
      router.refresh();
    } else {
      toast({ tone: "error", title: result.error.message });
    }
  }

  return (
    <section aria-labelledby="invites-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="invites-heading" className="text-lg font-semibold">
          Invitations
        </h2>
        <ReasonButton reason={readOnly || can.invite.reason} onClick={() => setOpen(true)}>
          Invite people
        </ReasonButton>
      </div>
      {readOnly ? <p className="text-sm text-muted">{readOnly}</p> : null}
      <nav aria-label="Invitation state" className="flex flex-wrap gap-2 text-sm">
        {INVITATION_STATES.map((s) => (
          <Link
            key={s}
            href={s === "PENDING" ? `/o/${org}/workspaces/${ws}/invites` : `/o/${org}/workspaces/${ws}/invites?state=${s}`}
            aria-current={s === state ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${s === state ? "border-accent font-medium" : "border-border text-muted hover:text-fg"}`}
          >
            {STATE_LABEL[s]}
          </Link>
        ))}
      </nav>
      {invitations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
          {state === "PENDING" ? "No pending invitations." : `No ${STATE_LABEL[state].toLowerCase()} invitations.`}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table aria-label="Invitations" className="w-full text-left text-sm">
            <TableHead columns={["Email", "Roles", "Invited by", state === "PENDING" ? "Expires" : "Invited"]} actions />
            <tbody className="divide-y divide-border">
              {invitations.map((inv) => (
                <tr key={inv.invitation_id}>
                  <td className="max-w-64 truncate px-3 py-2 font-medium" title={inv.email}>{inv.email}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-1">
                      {inv.roles.map((r) => (
                        <RoleChip key={r} title={roleTitleOf(r, roles)} scope="ROLE_SCOPE_WORKSPACE" />
                      ))}
                    </div>
                  </td>
                  <td className="max-w-48 truncate px-3 py-2" title={inv.inviter_email}>{inv.inviter_display_name || inv.inviter_email || "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {state === "PENDING" ? (
                      <span title={inv.expire_time}>{timeLeft(inv.expire_time, now)}</span>
                    ) : (
                      <LocalTime iso={inv.create_time} format="datetime" />
                    )}
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {state === "PENDING" || state === "EXPIRED" ? (
                      <div className="flex justify-end gap-1">
                        {canInvite ? (
                          <Button size="sm" variant="ghost" disabled={busy === inv.invitation_id} onClick={() => run(inv.invitation_id, "resend", inv.email)} aria-label={`Resend invitation to ${inv.email}`}>
                            Resend
                          </Button>
                        ) : null}
                        {canRevoke && state === "PENDING" ? (
                          <Button size="sm" variant="ghost" disabled={busy === inv.invitation_id} onClick={() => run(inv.invitation_id, "revoke", inv.email)} aria-label={`Revoke invitation to ${inv.email}`}>
                            Revoke
                          </Button>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resentOpened ? <ResentLinkDialog resent={resent} onClose={() => setResent(null)} /> : null}
      {inviteOpened ? (
      <InviteDialog
        org={org}
        ws={ws}
        open={open}
        onOpenChange={setOpen}
        roles={roles}
        held={held}
        domain={domain}
        onDone={(result) => {
          const skipped = result.skipped.length ? ` ${result.skipped.map((s) => s.email).join(", ")} already ${result.skipped.length === 1 ? "is a member" : "are members"}.` : "";
          toast({ tone: "success", title: `${result.invitations.length} invitation${result.invitations.length === 1 ? "" : "s"} sent.${skipped}` });
          router.refresh();
        }}
      />
      ) : null}
    </section>
  );
}
