// Invitation operations (API.md §7): Kognitos ListWorkspaceUserInvites, ListOrganizationUserInvites
// and GetInvitation, creating, resending and revoking invitations, accepting one by its token, the
// caller's own invitations and declining them; the organization's invitation lifetime; the outbox.

import "server-only";
import { acceptInvitation, acceptMyInvitation } from "../domain/invitations/accept-invitation";
import { createInvitations } from "../domain/invitations/create-invitations";
import { declineInvitation } from "../domain/invitations/decline-invitation";
import { getInvitation } from "../domain/invitations/get-invitation";
import { listOrganizationInvitations, listWorkspaceInvitations } from "../domain/invitations/list-invitations";
import { listMyInvitations } from "../domain/invitations/list-my-invitations";
import { resendInvitation } from "../domain/invitations/resend-invitation";
import { revokeInvitation } from "../domain/invitations/revoke-invitation";
import { getInvitationSettings, updateInvitationSettings } from "../domain/invitations/update-invitation-settings";
import { listOutboxMails } from "../domain/mail/list-outbox-mails";
import { ListQuery } from "../schemas/common";
import {
  AcceptInvitationOutput,
  CreateInvitationsOutput,
  GetInvitationOutput,
  InvitationAcceptInput,
  InvitationCreateInput,
  InvitationSettingsInput,
  ListInvitationsOutput,
  ListMyInvitationsOutput,
  UserInvitationOutput,
} from "../schemas/invitations";
import { ListOutboxMailsOutput } from "../schemas/mail";
import { operation } from "./operation";

const tag = "Invitations";
const WS_INVITES = "/organizations/{organization_id}/workspaces/{workspace_id}/invites";

export const ListWorkspaceUserInvites = operation({
  id: "ListWorkspaceUserInvites",
  method: "GET",
  path: WS_INVITES,
  tag,
  summary: "List a workspace's invitations (pending ones unless the filter names a state)",
  description: 'filter: `state = "ACCEPTED"` (PENDING, ACCEPTED, REVOKED, EXPIRED, DECLINED), `email : "ada"`, `create_time`, `expire_time`; order_by: `create_time`, `expire_time`, `email`.',
  scope: "workspace",
  permission: "read:Invitation",
  query: ListQuery,
  response: ListInvitationsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listWorkspaceInvitations(ctx, access, query),
});

export const CreateWorkspaceUserInvites = operation({
  id: "CreateWorkspaceUserInvites",
  method: "POST",
  path: WS_INVITES,
  tag,
  summary: "Invite 1–100 people to the workspace with roles",
  description:
    "Addresses are trimmed and lower-cased. A pending invitation to the same address is refreshed (new link, new expiry), not duplicated; existing members are reported in `skipped`. The workspace's `configuration.domain` limits the addresses; nobody can invite with a role holding permissions they lack.",
  scope: "workspace",
  permission: "create:Invitation",
  body: InvitationCreateInput,
  bodyStyle: { brackets: true },
  response: CreateInvitationsOutput,
  status: 201,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { emails: ["ada@acme.example", "grace@acme.example"], roles: ["workspace-editor"] },
  run: (ctx, access, { body }) => createInvitations(ctx, access, body),
});

export const RevokeWorkspaceUserInvite = operation({
  id: "RevokeWorkspaceUserInvite",
  method: "DELETE",
  path: `${WS_INVITES}/{invitation_id}`,
  tag,
  summary: "Revoke a pending invitation; its link stops working at once",
  scope: "workspace",
  permission: "delete:Invitation",
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { params }) => {
    await revokeInvitation(ctx, access, params.invitation_id);
    return null;
  },
});

export const ResendWorkspaceUserInvite = operation({
  id: "ResendWorkspaceUserInvite",
  method: "POST",
  path: `${WS_INVITES}/{invitation_id}:resend`,
  tag,
  summary: "Mail a pending or expired invitation again with a new link and expiry (the old link dies)",
  scope: "workspace",
  permission: "create:Invitation",
  response: UserInvitationOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: (ctx, access, { params }) => resendInvitation(ctx, access, params.invitation_id),
});

export const ListOrganizationUserInvites = operation({
  id: "ListOrganizationUserInvites",
  method: "GET",
  path: "/organizations/{organization_id}/invites",
  tag,
  summary: "List the invitations of the organization and all its workspaces (organization admins)",
  description: 'filter as ListWorkspaceUserInvites, plus `workspace_id = "ws_…"`.',
  scope: "organization",
  permission: "read:Invitation",
  query: ListQuery,
  response: ListInvitationsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listOrganizationInvitations(ctx, access, query),
});

export const GetInvitation = operation({
  id: "GetInvitation",
  method: "GET",
  path: "/organizations/{organization_id}/invitations/{invitation_id}",
  tag,
  summary: "An invitation, for its invitee (by email) or whoever may read the workspace's invitations",
  scope: "user",
  permission: "authenticated",
  response: GetInvitationOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, _access, { params }) => getInvitation(ctx, params.organization_id, params.invitation_id),
});

export const AcceptInvitation = operation({
  id: "AcceptInvitation",
  method: "POST",
  path: "/invitations:accept",
  tag,
  summary: "Accept an invitation with the token from its mail (the caller's email must match)",
  description:
    "Joins the organization (if needed) and the workspace with the invited roles in one transaction, and marks the email verified. Expired, revoked, used, declined, another account's, or a workspace that is not ACTIVE: FAILED_PRECONDITION with the reason, and nothing changes.",
  scope: "user",
  permission: "authenticated",
  body: InvitationAcceptInput,
  response: AcceptInvitationOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { token: "the token from the invitation link" },
  run: (ctx, _access, { body }) => acceptInvitation(ctx, body),
});

export const ListMyInvitations = operation({
  id: "ListCurrentUserInvitations",
  method: "GET",
  path: "/me/invitations",
  tag: "Current user",
  summary: "Pending invitations addressed to the caller's email",
  scope: "user",
  permission: "authenticated",
  query: ListQuery,
  response: ListMyInvitationsOutput,
  errors: ["INVALID_ARGUMENT"],
  run: (ctx, _access, { query }) => listMyInvitations(ctx, query),
});

export const AcceptMyInvitation = operation({
  id: "AcceptCurrentUserInvitation",
  method: "POST",
  path: "/me/invitations/{invitation_id}:accept",
  tag: "Current user",
  summary: "Accept one of the caller's pending invitations without its link (the caller's email must be verified)",
  description:
    "For an invitation listed by ListCurrentUserInvitations: the caller's verified email must be the invitation's (case-insensitive); an unverified one is FAILED_PRECONDITION `EMAIL_NOT_VERIFIED`, another address's invitation is NOT_FOUND. Otherwise as `invitations:accept`: one transaction, the same refusals (expired, revoked, used, declined, workspace not ACTIVE), and nothing changes on a refusal.",
  scope: "user",
  permission: "authenticated",
  response: AcceptInvitationOutput,
  errors: ["NOT_FOUND", "FAILED_PRECONDITION"],
  run: (ctx, _access, { params }) => acceptMyInvitation(ctx, params.invitation_id),
});

export const DeclineInvitation = operation({
  id: "DeclineInvitation",
  method: "POST",
  path: "/me/invitations/{invitation_id}:decline",
  tag: "Current user",
  summary: "Decline one of the caller's pending invitations",
  scope: "user",
  permission: "authenticated",
  response: UserInvitationOutput,
  errors: ["NOT_FOUND", "FAILED_PRECONDITION"],
  run: (ctx, _access, { params }) => declineInvitation(ctx, params.invitation_id),
});

export const GetInvitationSettings = operation({
  id: "GetInvitationSettings",
  method: "GET",
  path: "/organizations/{organization_id}/invitationSettings",
  tag,
  summary: "How long the organization's new invitations stay valid",
  scope: "organization",
  permission: "read:Organization",
  response: InvitationSettingsInput,
  errors: ["NOT_FOUND"],
  run: (_ctx, access) => getInvitationSettings(access),
});

export const UpdateInvitationSettings = operation({
  id: "UpdateInvitationSettings",
  method: "PATCH",
  path: "/organizations/{organization_id}/invitationSettings",
  tag,
  summary: "Set how long new invitations stay valid (1 hour to 30 days)",
  scope: "organization",
  permission: "update:Organization",
  body: InvitationSettingsInput,
  response: InvitationSettingsInput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  example: { invitation_ttl_hours: 72 },
  run: (ctx, access, { body }) => updateInvitationSettings(ctx, access, body),
});

export const ListOutboxMails = operation({
  id: "ListOutboxMails",
  method: "GET",
  path: "/organizations/{organization_id}/mails",
  tag,
  summary: "The organization's mails in the outbox: recipient, kind, status, attempts, last error (organization admins)",
  description: 'filter: `status = "FAILED"` (QUEUED, SENT, FAILED, CANCELLED: never sent because the organization was deleted), `to : "ada"`, `kind = "invitation"`; newest first.',
  scope: "organization",
  permission: "update:Organization",
  query: ListQuery,
  response: ListOutboxMailsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listOutboxMails(ctx, access, query),
});

export const INVITATION_OPERATIONS = [
  ListWorkspaceUserInvites,
  CreateWorkspaceUserInvites,
  RevokeWorkspaceUserInvite,
  ResendWorkspaceUserInvite,
  ListOrganizationUserInvites,
  GetInvitation,
  AcceptInvitation,
  ListMyInvitations,
  AcceptMyInvitation,
  DeclineInvitation,
  GetInvitationSettings,
  UpdateInvitationSettings,
  ListOutboxMails,
];
