// Organization and current-user operations (API.md §2): Kognitos GetOrganization and
// CurrentUserOrganizations, creating and changing organizations, and ownership.

import "server-only";
import { createOrganization } from "../domain/organizations/create-organization";
import { getOrganization } from "../domain/organizations/get-organization";
import { listMyOrganizations } from "../domain/organizations/list-my-organizations";
import { transferOwnership } from "../domain/organizations/transfer-ownership";
import { updateOrganization } from "../domain/organizations/update-organization";
import { getMe } from "../domain/users/get-me";
import { ListQuery, UpdateMaskQuery } from "../schemas/common";
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
  query: ListQuery,
  response: ListMyOrganizationsOutput,
  errors: ["INVALID_ARGUMENT"],
  run: (ctx, _access, { query }) => listMyOrganizations(ctx, query),
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

export const ORGANIZATION_OPERATIONS = [
  GetMe, ListCurrentUserOrganizations, ListOrganizations, CreateOrganization, GetOrganization, UpdateOrganization, TransferOwnership,
];
