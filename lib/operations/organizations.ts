// Organization and current-user operations (API.md §2): Kognitos GetOrganization and
// CurrentUserOrganizations, creating and changing organizations, and ownership.

import "server-only";
import { createOrganization } from "../domain/organizations/create-organization";
import { deleteOrganization } from "../domain/organizations/delete-organization";
import { undeleteOrganization } from "../domain/organizations/undelete-organization";
import { getOrganization } from "../domain/organizations/get-organization";
import { listMyOrganizations } from "../domain/organizations/list-my-organizations";
import { transferOwnership } from "../domain/organizations/transfer-ownership";
import { updateOrganization } from "../domain/organizations/update-organization";
import { getMe } from "../domain/users/get-me";
import { ListQuery, UpdateMaskQuery, queryBoolean } from "../schemas/common";
import {
  ListMyOrganizationsOutput,
  ListOrganizationsOutput,
  ORGANIZATION_UPDATE_MASK,
  OrganizationCreateInput,
  OrganizationOutput,
  OrganizationUpdateInput,
  TransferOwnershipInput,
} from "../schemas/organizations";
import { MeOutput } from "../schemas/users";
import { operation } from "./operation";

const tag = "Organizations";
const ORG = "/organizations/{organization_id}";

export const GetMe = operation({
  id: "GetCurrentUser",
  method: "GET",
  path: "/me",
  tag: "Current user",
  summary: "The caller",
  scope: "user",
  permission: "authenticated",
  response: MeOutput,
  errors: [],
  run: (ctx) => getMe(ctx),
});

export const ListCurrentUserOrganizations = operation({
  id: "CurrentUserOrganizations",
  method: "GET",
  path: "/me/organizations",
  tag: "Current user",
  summary: "The organizations the caller belongs to",
  scope: "user",
  permission: "authenticated",
  query: ListQuery.extend({ show_deleted: queryBoolean("Also list soft-deleted organizations the caller owns that can still be restored (AIP-164).") }),
  response: ListMyOrganizationsOutput,
  errors: ["INVALID_ARGUMENT"],
  run: (ctx, _access, { query }) => listMyOrganizations(ctx, query, { showDeleted: query.show_deleted }),
});

export const ListOrganizations = operation({
  id: "ListOrganizations",
  method: "GET",
  path: "/organizations",
  tag,
  summary: "The caller's organizations (as CurrentUserOrganizations, keyed `organizations`)",
  scope: "user",
  permission: "authenticated",
  query: ListQuery,
  response: ListOrganizationsOutput,
  errors: ["INVALID_ARGUMENT"],
  run: async (ctx, _access, { query }) => {
    const page = await listMyOrganizations(ctx, query);
    return { organizations: page.user_organizations, next_page_token: page.next_page_token };
  },
});

export const CreateOrganization = operation({
  id: "CreateOrganization",
  method: "POST",
  path: "/organizations",
  tag,
  summary: "Create an organization; the caller becomes its owner and admin",
  scope: "user",
  permission: "authenticated",
  body: OrganizationCreateInput,
  response: OrganizationOutput,
  status: 201,
  location: (org) => org.name,
  errors: ["INVALID_ARGUMENT", "PERMISSION_DENIED"],
  example: { title: "Acme Inc" },
  run: (ctx, _access, { body }) => createOrganization(ctx, body),
});

export const GetOrganization = operation({
  id: "GetOrganization",
  method: "GET",
  path: ORG,
  tag,
  summary: "Get an organization",
  scope: "organization",
  permission: "read:Organization",
  response: OrganizationOutput,
  errors: ["NOT_FOUND"],
  run: (_ctx, access) => getOrganization(access),
});

export const UpdateOrganization = operation({
  id: "UpdateOrganization",
  method: "PATCH",
  path: ORG,
  tag,
  summary: "Change the organization's title or logo",
  scope: "organization",
  permission: "update:Organization",
  query: UpdateMaskQuery.pick({ update_mask: true }),
  body: OrganizationUpdateInput,
  updateMask: ORGANIZATION_UPDATE_MASK,
  response: OrganizationOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  example: { title: "Acme Corporation" },
  run: (ctx, access, { body, paths }) => updateOrganization(ctx, access, body, paths),
});

export const TransferOwnership = operation({
  id: "TransferOrganizationOwnership",
  method: "POST",
  path: `${ORG}:transferOwnership`,
  tag,
  summary: "The owner hands the organization to another member",
  scope: "organization",
  permission: "manage:OrganizationMember",
  body: TransferOwnershipInput,
  response: OrganizationOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { user_id: "usr_0123456789abcdefghij" },
  run: (ctx, access, { body }) => transferOwnership(ctx, access, body),
});

export const DeleteOrganization = operation({
  id: "DeleteOrganization",
  method: "DELETE",
  path: ORG,
  tag,
  summary: "The owner soft-deletes the organization, restorable for 30 days",
  description:
    "AIP-164. The organization and everything in it become NOT_FOUND for everyone; its owner can restore it with `:undelete` until `purge_time`, after which the job runner removes its workspaces, members, roles, invitations, preferences and credentials (its audit entries stay). Only the owner may delete it.",
  scope: "organization",
  permission: "update:Organization",
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access) => deleteOrganization(ctx, access),
});

export const UndeleteOrganization = operation({
  id: "UndeleteOrganization",
  method: "POST",
  path: `${ORG}:undelete`,
  tag,
  summary: "The owner restores a soft-deleted organization before its purge time",
  scope: "organization",
  permission: "update:Organization",
  includeDeleted: true,
  response: OrganizationOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: (ctx, access) => undeleteOrganization(ctx, access),
});

export const ORGANIZATION_OPERATIONS = [
  GetMe, ListCurrentUserOrganizations, ListOrganizations, CreateOrganization, GetOrganization, UpdateOrganization, TransferOwnership,
  DeleteOrganization, UndeleteOrganization,
];
