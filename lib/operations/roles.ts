// Role operations (API.md §5): Kognitos ListWorkspaceRoles and ListOrganizationRoles, custom
// roles over the permission catalog, and the catalog itself.

import "server-only";
import { countRoleHolders } from "../domain/roles/count-role-holders";
import { createWorkspaceRole } from "../domain/roles/create-workspace-role";
import { deleteWorkspaceRole } from "../domain/roles/delete-workspace-role";
import { getWorkspaceRole } from "../domain/roles/get-workspace-role";
import { listOrganizationRoles } from "../domain/roles/list-organization-roles";
import { listPermissions } from "../domain/roles/list-permissions";
import { listWorkspaceRoles } from "../domain/roles/list-workspace-roles";
import { updateWorkspaceRole } from "../domain/roles/update-workspace-role";
import { EtagQuery, ListQuery, UpdateMaskQuery } from "../schemas/common";
import {
  ListPermissionsOutput,
  ListRolesOutput,
  ROLE_UPDATE_MASK,
  RoleCreateInput,
  RoleHolderCountsOutput,
  RoleOutput,
  RoleUpdateInput,
} from "../schemas/roles";
import { operation } from "./operation";

const tag = "Roles";
const ROLES = "/organizations/{organization_id}/workspaces/{workspace_id}/roles";

export const ListWorkspaceRoles = operation({
  id: "ListWorkspaceRoles",
  method: "GET",
  path: ROLES,
  tag,
  summary: "The built-in workspace roles, then the workspace's custom roles",
  scope: "workspace",
  permission: "read:Role",
  query: ListQuery.pick({ page_size: true, page_token: true }),
  response: ListRolesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access, { query }) => listWorkspaceRoles(access, query),
});

export const CreateWorkspaceRole = operation({
  id: "CreateWorkspaceRole",
  method: "POST",
  path: ROLES,
  tag,
  summary: "Create a custom role from the permission catalog",
  description: "Nobody can give a role a permission they do not hold themselves.",
  scope: "workspace",
  permission: "create:Role",
  body: RoleCreateInput,
  response: RoleOutput,
  status: 201,
  location: (role) => role.name,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "FAILED_PRECONDITION"],
  example: { title: "Auditor", description: "Reads everything", permissions: ["read:Workspace", "read:Member", "read:AuditLog"] },
  run: (ctx, access, { body }) => createWorkspaceRole(ctx, access, body),
});

export const GetWorkspaceRole = operation({
  id: "GetWorkspaceRole",
  method: "GET",
  path: `${ROLES}/{role_id}`,
  tag,
  summary: "Get a built-in or custom role",
  scope: "workspace",
  permission: "read:Role",
  response: RoleOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access, { params }) => getWorkspaceRole(access, params.role_id),
});

export const UpdateWorkspaceRole = operation({
  id: "UpdateWorkspaceRole",
  method: "PATCH",
  path: `${ROLES}/{role_id}`,
  tag,
  summary: "Change a custom role (built-in roles are immutable)",
  scope: "workspace",
  permission: "update:Role",
  query: UpdateMaskQuery,
  body: RoleUpdateInput,
  updateMask: ROLE_UPDATE_MASK,
  etag: true,
  response: RoleOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "ABORTED", "FAILED_PRECONDITION"],
  example: { permissions: ["read:Workspace", "read:Member"], etag: 'W/"2"' },
  run: (ctx, access, { params, body, paths, preconditions }) => updateWorkspaceRole(ctx, access, params.role_id, body, paths, preconditions),
});

export const DeleteWorkspaceRole = operation({
  id: "DeleteWorkspaceRole",
  method: "DELETE",
  path: `${ROLES}/{role_id}`,
  tag,
  summary: "Delete a custom role that nobody holds",
  scope: "workspace",
  permission: "delete:Role",
  query: EtagQuery,
  etag: true,
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "ABORTED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { params, preconditions }) => {
    await deleteWorkspaceRole(ctx, access, params.role_id, preconditions);
    return null;
  },
});

export const CountRoleHolders = operation({
  id: "CountRoleHolders",
  method: "GET",
  path: `${ROLES}:countHolders`,
  tag,
  summary: "How many members and pending invitations hold each role",
  scope: "workspace",
  permission: "read:Role",
  response: RoleHolderCountsOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: async (_ctx, access) => ({ role_holder_counts: await countRoleHolders(access) }),
});

export const ListOrganizationRoles = operation({
  id: "ListOrganizationRoles",
  method: "GET",
  path: "/organizations/{organization_id}/roles",
  tag,
  summary: "The organization-level roles",
  scope: "organization",
  permission: "read:Organization",
  query: ListQuery.pick({ page_size: true, page_token: true }),
  response: ListRolesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND"],
  run: (_ctx, access, { query }) => listOrganizationRoles(access, query),
});

export const ListPermissions = operation({
  id: "ListPermissions",
  method: "GET",
  path: "/permissions",
  tag,
  summary: "The permission catalog custom roles are written from",
  scope: "user",
  permission: "authenticated",
  response: ListPermissionsOutput,
  errors: [],
  run: async () => listPermissions(),
});

export const ROLE_OPERATIONS = [
  ListWorkspaceRoles, CreateWorkspaceRole, GetWorkspaceRole, UpdateWorkspaceRole, DeleteWorkspaceRole, CountRoleHolders,
  ListOrganizationRoles, ListPermissions,
];
