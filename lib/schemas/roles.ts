// Role and permission schemas (API.md §5): Kognitos v1Role, custom role input, the permission
// catalog listing. Client-safe: no server imports.

import { z } from "zod";
import { isPermission, isWorkspacePermission, type WorkspacePermission } from "../auth/permissions";
import { charLength, ignoredOutputFields, trimmedText } from "./common";
import { ROLE_SCOPES } from "./members";
import { multilineText, text } from "./text";

export const ROLE_OUTPUT_ONLY = ["name", "role_id", "role_scope", "built_in", "etag", "create_time", "update_time"] as const;

export const MAX_ROLE_PERMISSIONS = 64;

export const roleTitle = trimmedText("title", 1, 128);
export const roleDescription = multilineText("description")
  .refine((s) => charLength(s) <= 1024, { message: "description must be at most 1024 characters" });

export const rolePermissions = z
  .array(text("permission"), { error: "permissions must be an array" })
  .min(1, { message: "permissions needs at least one permission" })
  .max(MAX_ROLE_PERMISSIONS)
  .superRefine((values, issue) => {
    values.forEach((p, i) => {
      if (!isPermission(p)) {
        issue.addIssue({ code: "custom", path: [i], message: `'${p.slice(0, 64)}' is not in the permission catalog (GET /api/v1/permissions)` });
      } else if (!isWorkspacePermission(p)) {
        issue.addIssue({ code: "custom", path: [i], message: `'${p}' is an organization permission; custom roles hold workspace permissions only` });
      }
    });
  })
  .transform((values) => [...new Set(values)] as WorkspacePermission[]);

export const RoleCreateInput = z.strictObject({
  title: roleTitle,
  description: roleDescription.optional().default(""),
  permissions: rolePermissions,
  ...ignoredOutputFields(ROLE_OUTPUT_ONLY),
});
export type RoleCreateInput = z.output<typeof RoleCreateInput>;

/** PATCH body: every field optional; `etag` is a precondition, never written. */
export const RoleUpdateInput = z.strictObject({
  title: roleTitle.optional(),
  description: roleDescription.optional(),
  permissions: rolePermissions.optional(),
  ...ignoredOutputFields(ROLE_OUTPUT_ONLY),
});
export type RoleUpdateInput = z.output<typeof RoleUpdateInput>;

export const ROLE_UPDATE_MASK = {
  updatable: ["title", "description", "permissions"],
  outputOnly: ROLE_OUTPUT_ONLY,
} as const;

/** Kognitos v1Role, extended with `role_id`, `role_scope`, `built_in` and `etag`. */
export const RoleOutput = z.object({
  name: z.string(),
  role_id: z.string(),
  title: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  role_scope: z.enum(ROLE_SCOPES),
  built_in: z.boolean(),
  etag: z.string(),
});
export type RoleOutput = z.infer<typeof RoleOutput>;

export const ListRolesOutput = z.object({
  roles: z.array(RoleOutput),
  next_page_token: z.string(),
});
export type ListRolesOutput = z.infer<typeof ListRolesOutput>;

export const PermissionOutput = z.object({
  permission: z.string(),
  description: z.string(),
  scope: z.enum(ROLE_SCOPES),
});

export const ListPermissionsOutput = z.object({ permissions: z.array(PermissionOutput) });
export type ListPermissionsOutput = z.infer<typeof ListPermissionsOutput>;

/** CountRoleHolders: members and pending invitations per role id (roles nobody holds are absent). */
export const RoleHolderCountsOutput = z.object({
  role_holder_counts: z.record(z.string(), z.object({ members: z.number().int(), invitations: z.number().int() })),
});
