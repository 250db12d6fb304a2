"use client";

// The organization's pending invitations across its workspaces (ListOrganizationUserInvites), a
// keyset-paged list kept in the URL (`invites_page`) with the console's one list hook and
// <Pagination>: who, where, which roles (by title), by whom, until when; Resend and Revoke through
// the Invites tab's own actions, offered per row by the caller's access in that workspace (the
// server checks again), each refusal said in words and reachable by keyboard.

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { LocalTime } from "@/components/local-time";
import { Pagination } from "@/components/pagination";
import { ReasonButton } from "@/components/reason-button";
import { RoleChip } from "@/components/role-chip";
import { EmptyState, ErrorState } from "@/components/states";
import { TableHead } from "@/components/table-head";
import { useToast } from "@/components/toast";
import type { ActionOutcome } from "@/lib/console/action-result";
import { organizationKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import { useUrlList } from "@/lib/console/use-url-list";
import type { MintedLink } from "@/lib/domain/invitations/minted-links";
import type { UserInvitationOutput } from "@/lib/schemas/invitations";
import { resendInvitationAction, revokeInvitationAction } from "../../workspaces/[ws]/invites/actions";
import type { PendingInvitesPage } from "../_lib/pending-invites";
import { PENDING_INVITES_PAGE_SIZE } from "../_lib/page-size";
import { pendingInvitesPageAction } from "../actions";

// The dialogs (Radix dialog) load on their first opening.
const ConfirmActionDialog = dynamic(() => import("@/components/confirm-dialog").then((m) => m.ConfirmActionDialog), { ssr: false });
const ResentLinkDialog = dynamic(() => import("../../workspaces/[ws]/invites/_components/invite-links").then((m) => m.ResentLinkDialog), { ssr: false });

export interface PendingInvitesSectionProps {
  org: string;
  /** The page the server rendered, for the URL's `invites_page`. */
  initialToken: string;
  initialData: PendingInvitesPage | null;
  renderedAt: number;
}

/** The URL's other parameters (the members table's) ride along untouched. */
interface InvitesQuery {
  pageToken: string;
  rest: string;
}

const PARAM = "invites_page";

function parse(params: URLSearchParams): InvitesQuery {
  const rest = new URLSearchParams(params);
  rest.delete(PARAM);
  return { pageToken: params.get(PARAM) ?? "", rest: rest.toString() };
}

function search(query: InvitesQuery): string {
  const p = new URLSearchParams(query.rest);
  if (query.pageToken) p.set(PARAM, query.pageToken);
  const s = p.toString();
  return s ? `?${s}` : "";
}

async function unwrap<T>(outcome: Promise<ActionOutcome<T>>): Promise<T> {
  const result = await outcome;
  if (!result.ok) throw Object.assign(new Error(result.error.message), { requestId: result.error.requestId });
  return result.data;
}

const NO_WORKSPACE = "You have no access to this invitation's workspace.";
const ORGANIZATION_INVITE = "This invitation is to the organization itself, not to a workspace: only workspace invitations can be resent or revoked here.";

export function PendingInvitesSection({ org, initialToken, initialData, renderedAt }: PendingInvitesSectionProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const params = useSearchParams();
  const [busy, setBusy] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<UserInvitationOutput | null>(null);
  const [resent, setResent] = useState<{ email: string; links: MintedLink[] } | null>(null);
  const resentOpened = useOpenedOnce(resent !== null);
  const initialQuery = useMemo(() => ({ ...parse(new URLSearchParams(params.toString())), pageToken: initialToken }), [params, initialToken]);
  const fetchPage = useCallback((q: InvitesQuery) => unwrap(pendingInvitesPageAction(org, q.pageToken)), [org]);
  const { list, pager } = useUrlList<InvitesQuery, PendingInvitesPage>({
    parse,
    search,
    scope: `org-pending-invites|${org}`,
    queryKey: (q) => organizationKeys.pendingInvitesPage(org, q.pageToken),
    fetch: fetchPage,
    nextPageToken: (d) => d.next_page_token,
    initial: { query: initialQuery, data: initialData, renderedAt },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: organizationKeys.pendingInvites(org) });
  const data = list.data;

  async function resend(inv: UserInvitationOutput) {
    setBusy(inv.invitation_id);
    const result = await resendInvitationAction({ org, ws: inv.workspace_id }, inv.invitation_id);
    setBusy(null);
    if (result.ok) {
      toast({ tone: "success", title: `Invitation sent again to ${inv.email}` });
      setResent({ email: inv.email, links: result.data.links });
      void refresh();
    } else {
      toast({ tone: "error", title: result.error.message });
    }
  }

  /** Why a row's action cannot be used, in words; empty when it can. */
  const reasonFor = (inv: UserInvitationOutput, what: "resend" | "revoke"): string => {
    if (!inv.workspace_id) return ORGANIZATION_INVITE;
    const ws = data?.workspaces[inv.workspace_id];
    return ws ? ws[what].reason : NO_WORKSPACE;
  };

  let body;
  if (!data) {
    body = list.error ? (
      <ErrorState title="The invitations could not be loaded" message={list.error.message} requestId={(list.error as { requestId?: string }).requestId} onRetry={() => void list.refetch()} />
    ) : (
      <p className="text-sm text-muted">Loading invitations…</p>
    );
  } else if (data.invitations.length === 0 && !pager.hasPrevious) {
    body = <EmptyState title="No pending invitations">Invite people from a workspace&apos;s Invites tab.</EmptyState>;
  } else {
    body = (
      <div className="rounded-lg border border-border">
        <div className="overflow-x-auto" aria-busy={pager.busy || undefined}>
          <table aria-label="Pending invitations" className="w-full text-left text-sm">
            <TableHead columns={["Email", "Workspace", "Roles", "Invited by", "Expires"]} actions />
            <tbody className="divide-y divide-border">
              {data.invitations.map((inv) => {
                const ws = data.workspaces[inv.workspace_id];
                return (
                  <tr key={inv.invitation_id}>
                    <td className="max-w-64 truncate px-3 py-2 font-medium" title={inv.email}>{inv.email}</td>
                    <td className="px-3 py-2">
                      {!inv.workspace_id ? (
                        <span className="text-muted">The organization</span>
                      ) : ws ? (
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
                          <RoleChip key={r} title={data.roleTitles[r] ?? r} scope={inv.workspace_id ? "ROLE_SCOPE_WORKSPACE" : "ROLE_SCOPE_ORGANIZATION"} />
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
                          reason={reasonFor(inv, "resend")}
                          disabled={busy === inv.invitation_id}
                          onClick={() => resend(inv)}
                          aria-label={`Resend invitation to ${inv.email}`}
                        >
                          Resend
                        </ReasonButton>
                        <ReasonButton
                          size="sm"
                          variant="ghost"
                          reason={reasonFor(inv, "revoke")}
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
        <Pagination pager={pager} shown={data.invitations.length} pageSize={PENDING_INVITES_PAGE_SIZE} noun={["invitation", "invitations"]} label="Pending invitations pagination" />
      </div>
    );
  }

  return (
    <section aria-labelledby="pending-invites-heading" className="rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5">
      <h2 id="pending-invites-heading" className="text-base font-semibold">
        Pending invitations
      </h2>
      <p className="mt-1 mb-4 max-w-2xl text-sm text-muted">Invitations not yet accepted, across all of the organization&apos;s workspaces.</p>
      {body}
      {resentOpened ? <ResentLinkDialog resent={resent} onClose={() => setResent(null)} /> : null}
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
          onDone={() => void refresh()}
        />
      ) : null}
    </section>
  );
}
