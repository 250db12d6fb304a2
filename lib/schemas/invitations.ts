// Invitation schemas (API.md §7): Kognitos v1UserInvitation extended, GetInvitation, and the
// inputs that create, accept and decline invitations. Client-safe: no server imports.

import { z } from "zod";
import { emailSchema } from "./common";
import { MAX_ROLES_PER_MEMBER } from "./members";
import { INVITATION_STATES, MAX_EMAILS_PER_INVITE, type InvitationStateName } from "./values";

export { INVITATION_STATES, MAX_EMAILS_PER_INVITE, type InvitationStateName };

/** How long an invitation may be valid: 1 hour to 30 days (per organization; 7 days by default). */
export const MIN_INVITATION_TTL_HOURS = 1;
export const MAX_INVITATION_TTL_HOURS = 30 * 24;
export const DEFAULT_INVITATION_TTL_HOURS = 7 * 24;

const roleIds = z
  .array(z.string({ error: "roles must be role ids" }).trim().min(1, { message: "a role id is empty" }).max(64, { message: "a role id is longer than 64 characters" }), {
    error: "roles must be an array of role ids",
  })
  .min(1, { message: "roles needs at least one role" })
  .max(MAX_ROLES_PER_MEMBER, { message: `roles holds at most ${MAX_ROLES_PER_MEMBER} roles` })
  .transform((ids) => [...new Set(ids)]);

/** POST …/workspaces/{ws}/invites. Emails are trimmed and lower-cased (repeats collapse into one invitation). */
export const InvitationCreateInput = z.strictObject({
  emails: z
    .array(emailSchema, { error: "emails must be an array of email addresses" })
    .min(1, { message: "emails needs at least one address" })
    .max(MAX_EMAILS_PER_INVITE, { message: `emails holds at most ${MAX_EMAILS_PER_INVITE} addresses` }),
  roles: roleIds,
});
export type InvitationCreateInput = z.output<typeof InvitationCreateInput>;

/** POST /invitations:accept. */
export const InvitationAcceptInput = z.strictObject({
  token: z.string({ error: "token must be a string" }).trim().min(1, { message: "token is required" }).max(512, { message: "token is too long" }),
});
export type InvitationAcceptInput = z.output<typeof InvitationAcceptInput>;

/** PATCH of the organization's invitation settings. */
export const InvitationSettingsInput = z.strictObject({
  invitation_ttl_hours: z
    .number({ error: "invitation_ttl_hours must be a number" })
    .int({ message: "invitation_ttl_hours must be a whole number of hours" })
    .min(MIN_INVITATION_TTL_HOURS, { message: "invitation_ttl_hours must be at least 1 (one hour)" })
    .max(MAX_INVITATION_TTL_HOURS, { message: `invitation_ttl_hours must be at most ${MAX_INVITATION_TTL_HOURS} (30 days)` }),
});
export type InvitationSettingsInput = z.output<typeof InvitationSettingsInput>;

/** Kognitos v1UserInvitation (`email`, `invitation_id`) with this product's extensions. */
export const UserInvitationOutput = z.object({
  name: z.string(),
  invitation_id: z.string(),
  email: z.string(),
  workspace_id: z.string(),
  roles: z.array(z.string()),
  state: z.enum(INVITATION_STATES),
  inviter_email: z.string(),
  inviter_display_name: z.string(),
  create_time: z.string(),
  expire_time: z.string(),
  accept_time: z.string().nullable(),
});
export type UserInvitationOutput = z.infer<typeof UserInvitationOutput>;

/** Kognitos ListWorkspaceUserInvites / ListOrganizationUserInvites. */
export const ListInvitationsOutput = z.object({
  invitations: z.array(UserInvitationOutput),
  next_page_token: z.string(),
});
export type ListInvitationsOutput = z.infer<typeof ListInvitationsOutput>;

/** What a create answered for one address it did not invite. */
export const SkippedInvitationOutput = z.object({
  email: z.string(),
  reason: z.enum(["ALREADY_MEMBER"]),
  message: z.string(),
});

export const CreateInvitationsOutput = z.object({
  invitations: z.array(UserInvitationOutput),
  skipped: z.array(SkippedInvitationOutput),
});
export type CreateInvitationsOutput = z.infer<typeof CreateInvitationsOutput>;

/** Kognitos GetInvitation. */
export const GetInvitationOutput = z.object({
  name: z.string(),
  organization_display_name: z.string(),
  workspace_id: z.string(),
  workspace_display_name: z.string(),
  roles: z.array(z.string()),
  is_accepted: z.boolean(),
  redirect_organization_id: z.string(),
  redirect_workspace_id: z.string(),
});
export type GetInvitationOutput = z.infer<typeof GetInvitationOutput>;

/** POST /invitations:accept: where the new member lands. */
export const AcceptInvitationOutput = z.object({
  invitation: UserInvitationOutput,
  organization_id: z.string(),
  workspace_id: z.string(),
});
export type AcceptInvitationOutput = z.infer<typeof AcceptInvitationOutput>;

/**
 * What the `/invite/{token}` page shows to whoever holds the link, signed in or not: enough to
 * decide (what, from whom, which roles) and to prefill sign-up, nothing of anyone else.
 */
export const InvitationPreviewOutput = z.object({
  invitation_id: z.string(),
  state: z.enum(INVITATION_STATES),
  email: z.string(),
  organization_display_name: z.string(),
  workspace_display_name: z.string(),
  workspace_active: z.boolean(),
  inviter_display_name: z.string(),
  role_titles: z.array(z.string()),
  expire_time: z.string(),
});
export type InvitationPreviewOutput = z.infer<typeof InvitationPreviewOutput>;

/** GET /me/invitations: each invitation says where it leads. */
export const MyInvitationOutput = UserInvitationOutput.extend({
  organization_id: z.string(),
  organization_display_name: z.string(),
  workspace_display_name: z.string(),
});
export const ListMyInvitationsOutput = z.object({
  invitations: z.array(MyInvitationOutput),
  next_page_token: z.string(),
});
export type ListMyInvitationsOutput = z.infer<typeof ListMyInvitationsOutput>;
