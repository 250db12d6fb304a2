// One invitation row → the wire shape. A PENDING row past its expiry reads as EXPIRED before the
// job runner's sweep has written that state.

import type { UserInvitationOutput, InvitationStateName } from "../../schemas/invitations";

export const invitationSelect = {
  id: true,
  organizationId: true,
  workspaceId: true,
  email: true,
  roles: true,
  state: true,
  createdAt: true,
  expireTime: true,
  acceptTime: true,
  inviter: { select: { email: true, displayName: true } },
} as const;

/** What a reader of one invitation is shown (GetInvitation, the `/invite/{token}` preview), with the deletions that hide it. */
export const invitationSummarySelect = {
  id: true,
  email: true,
  roles: true,
  state: true,
  expireTime: true,
  workspaceId: true,
  organization: { select: { title: true, deleteTime: true } },
  workspace: { select: { title: true, state: true, deleteTime: true } },
} as const;

export interface InvitationRow {
  id: string;
  organizationId: string;
  workspaceId: string | null;
  email: string;
  roles: string[];
  state: InvitationStateName;
  createdAt: Date;
  expireTime: Date;
  acceptTime: Date | null;
  inviter: { email: string; displayName: string } | null;
}

export function invitationName(organizationId: string, workspaceId: string | null, id: string): string {
  return workspaceId ? `organizations/${organizationId}/workspaces/${workspaceId}/invites/${id}` : `organizations/${organizationId}/invites/${id}`;
}

export function effectiveState(row: { state: InvitationStateName; expireTime: Date }, now = new Date()): InvitationStateName {
  return row.state === "PENDING" && row.expireTime <= now ? "EXPIRED" : row.state;
}

export function toInvitationOutput(row: InvitationRow, now = new Date()): UserInvitationOutput {
  return {
    name: invitationName(row.organizationId, row.workspaceId, row.id),
    invitation_id: row.id,
    email: row.email,
    workspace_id: row.workspaceId ?? "",
    roles: row.roles,
    state: effectiveState(row, now),
    inviter_email: row.inviter?.email ?? "",
    inviter_display_name: row.inviter?.displayName ?? "",
    create_time: row.createdAt.toISOString(),
    expire_time: row.expireTime.toISOString(),
    accept_time: row.acceptTime ? row.acceptTime.toISOString() : null,
  };
}
