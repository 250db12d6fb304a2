// Organization schemas (API.md §2): Kognitos v1Organization and the create input.

import { z } from "zod";
import { ignoredOutputFields, trimmedText } from "./common";
import { text } from "./text";
import { LastActiveTime, UserWithRolesOutput } from "./members";
import { MAX_LOGO_CHARS } from "./values";

export { MAX_LOGO_CHARS };

export const logoDataUri = text("logo_data_uri")
  .max(MAX_LOGO_CHARS, { message: "logo_data_uri must be at most 256 KiB" })
  .refine((s) => s === "" || /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(s), {
    message: "logo_data_uri must be a base64 data: URI of a PNG, JPEG, GIF, WebP or SVG image",
  });

export const ORGANIZATION_OUTPUT_ONLY = [
  "name", "organization_id", "create_time", "update_time", "owner_display_name", "owner_email", "delete_time", "purge_time",
] as const;

export const OrganizationCreateInput = z.strictObject({
  title: trimmedText("title", 1, 256),
  logo_data_uri: logoDataUri.optional().default(""),
  ...ignoredOutputFields(ORGANIZATION_OUTPUT_ONLY),
});
export type OrganizationCreateInput = z.output<typeof OrganizationCreateInput>;

export const OrganizationOutput = z.object({
  name: z.string(),
  organization_id: z.string(),
  title: z.string(),
  logo_data_uri: z.string(),
  create_time: z.string(),
  update_time: z.string(),
  owner_display_name: z.string(),
  owner_email: z.string(),
  /** AIP-164, only on a soft-deleted organization (its owner lists it with `show_deleted`). */
  delete_time: z.string().optional(),
  /** When a soft-deleted organization is purged for good; it can be restored until then. */
  purge_time: z.string().optional(),
});
export type OrganizationOutput = z.infer<typeof OrganizationOutput>;

/** PATCH /organizations/{org}: every field optional; the update mask (or the populated fields) says which apply. */
export const OrganizationUpdateInput = z.strictObject({
  title: trimmedText("title", 1, 256).optional(),
  logo_data_uri: logoDataUri.optional(),
  ...ignoredOutputFields(ORGANIZATION_OUTPUT_ONLY),
});
export type OrganizationUpdateInput = z.output<typeof OrganizationUpdateInput>;

export const ORGANIZATION_UPDATE_MASK = {
  updatable: ["title", "logo_data_uri"],
  outputOnly: ORGANIZATION_OUTPUT_ONLY,
} as const;

/** POST /organizations/{org}:transferOwnership. */
export const TransferOwnershipInput = z.strictObject({
  user_id: text("user_id").trim().min(1, { message: "user_id is required" }).max(80),
});
export type TransferOwnershipInput = z.output<typeof TransferOwnershipInput>;

/**
 * ListOrganizationUsers rows: Kognitos v1UserWithRoles plus the output-only `create_time` of the
 * membership (when the user was added to the organization). An added field, so bodies still
 * validate against v1UserWithRoles.
 */
export const OrganizationUserOutput = UserWithRolesOutput.extend({ create_time: z.string(), last_active_time: LastActiveTime });
export type OrganizationUserOutput = z.infer<typeof OrganizationUserOutput>;

export const ListOrganizationUsersOutput = z.object({
  users: z.array(OrganizationUserOutput),
  next_page_token: z.string(),
  /** Every member matching the filter (an added field). */
  total_size: z.number().int(),
});
export type ListOrganizationUsersOutput = z.infer<typeof ListOrganizationUsersOutput>;

/** Kognitos CurrentUserOrganizations. */
export const ListMyOrganizationsOutput = z.object({
  user_organizations: z.array(OrganizationOutput),
  next_page_token: z.string(),
});

/** GET /organizations: the caller's organizations, keyed `organizations`. */
export const ListOrganizationsOutput = z.object({
  organizations: z.array(OrganizationOutput),
  next_page_token: z.string(),
});
