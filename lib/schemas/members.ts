// Member schemas (API.md §2 organization users, §4 workspace users): Kognitos v1UserWithRoles and
// the inputs that add members and replace their roles. Client-safe: no server imports.

import { z } from "zod";
import { emailSchema, ignoredOutputFields } from "./common";
import { text } from "./text";
import { MAX_ROLES_PER_MEMBER, ROLE_SCOPES } from "./values";

export { MAX_ROLES_PER_MEMBER, ROLE_SCOPES };

const roleIds = z
  .array(text("role id").trim().min(1, { message: "a role id is empty" }).max(64, { message: "a role id is longer than 64 characters" }), {
    error: "roles must be an array of role ids",
  })
  .min(1, { message: "roles needs at least one role" })
  .max(MAX_ROLES_PER_MEMBER, { message: `roles holds at most ${MAX_ROLES_PER_MEMBER} roles` })
  .transform((ids) => [...new Set(ids)]);

/** Kognitos v1UserBasicInfo (and GetUserBasicInfo). */
export const UserBasicInfoOutput = z.object({
  name: z.string(),
  display_name: z.string(),
  email: z.string(),
});
export type UserBasicInfoOutput = z.infer<typeof UserBasicInfoOutput>;

/** Kognitos v1RoleBasicInfo: `name` is the role id (`workspace-admin`, `org-admin`, `role_…`). */
export const RoleBasicInfoOutput = z.object({
  name: z.string(),
  role_scope: z.enum(ROLE_SCOPES),
});

/**
 * When the user last made an API request or opened a console page, to within 15 minutes; null when
 * never seen since it was first recorded.
 */
export const LastActiveTime = z.string().nullable();

/** Kognitos v1UserWithRoles. */
export const UserWithRolesOutput = z.object({
  user: UserBasicInfoOutput,
  roles: z.array(RoleBasicInfoOutput),
});
export type UserWithRolesOutput = z.infer<typeof UserWithRolesOutput>;

/**
 * ListWorkspaceUsers rows: v1UserWithRoles plus the output-only `create_time` of the access (when
 * the user joined the workspace, or the organization for an admin reaching it through that role)
 * and `last_active_time`. Added fields (Kognitos' v1UserWithRoles does not forbid them), so bodies
 * still validate against Kognitos' schemas.
 */
export const WorkspaceUserOutput = UserWithRolesOutput.extend({ create_time: z.string(), last_active_time: LastActiveTime });
export type WorkspaceUserOutput = z.infer<typeof WorkspaceUserOutput>;

/** Kognitos ListWorkspaceUsers, plus `total_size` (every row matching the filter). */
export const ListUsersOutput = z.object({
  users: z.array(WorkspaceUserOutput),
  next_page_token: z.string(),
  total_size: z.number().int(),
});
export type ListUsersOutput = z.infer<typeof ListUsersOutput>;

const MEMBER_OUTPUT_ONLY = ["user"] as const;

/** POST …/workspaces/{ws}/users: an existing organization member, by id or by email. */
export const WorkspaceMemberCreateInput = z
  .strictObject({
    user_id: text("user_id").trim().min(1, { message: "user_id is empty" }).max(80).optional(),
    email: emailSchema.optional(),
    roles: roleIds,
    ...ignoredOutputFields(MEMBER_OUTPUT_ONLY),
  })
  .refine((v) => (v.user_id === undefined) !== (v.email === undefined), {
    message: "give exactly one of user_id and email",
    path: ["user_id"],
  });
export type WorkspaceMemberCreateInput = z.output<typeof WorkspaceMemberCreateInput>;

/** PATCH …/users/{user_id}: the member's roles, replaced as a whole. */
export const MemberRolesUpdateInput = z.strictObject({
  roles: roleIds,
  ...ignoredOutputFields(MEMBER_OUTPUT_ONLY),
});
export type MemberRolesUpdateInput = z.output<typeof MemberRolesUpdateInput>;

export const MEMBER_UPDATE_MASK = { updatable: ["roles"], outputOnly: MEMBER_OUTPUT_ONLY } as const;

/** POST /organizations/{org}/users: an existing user, by email; organization roles default to org-member. */
export const OrganizationMemberCreateInput = z.strictObject({
  email: emailSchema,
  roles: roleIds.optional().default(["org-member"]),
  ...ignoredOutputFields(MEMBER_OUTPUT_ONLY),
});
export type OrganizationMemberCreateInput = z.output<typeof OrganizationMemberCreateInput>;
