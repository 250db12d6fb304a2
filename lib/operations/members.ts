// Member operations (API.md §2 organization users, §4 workspace users): Kognitos
// ListWorkspaceUsers, ListOrganizationUsers and GetUserBasicInfo, and the changes to memberships.

import "server-only";
import { addWorkspaceMember } from "../domain/members/add-workspace-member";
import { getWorkspaceMember } from "../domain/members/get-workspace-member";
import { listWorkspaceUsers } from "../domain/members/list-workspace-users";
import { removeWorkspaceMember } from "../domain/members/remove-workspace-member";
import { updateWorkspaceMember } from "../domain/members/update-workspace-member";
import { addOrganizationMember } from "../domain/organizations/add-organization-member";
import { getUserBasicInfo } from "../domain/organizations/get-user-basic-info";
import { listOrganizationUsers } from "../domain/organizations/list-organization-users";
import { removeOrganizationMember } from "../domain/organizations/remove-organization-member";
import { updateOrganizationMember } from "../domain/organizations/update-organization-member";
import { ListQuery, UpdateMaskQuery } from "../schemas/common";
import {
  ListUsersOutput,
  MEMBER_UPDATE_MASK,
  MemberRolesUpdateInput,
  OrganizationMemberCreateInput,
  UserBasicInfoOutput,
  UserWithRolesOutput,
  WorkspaceMemberCreateInput,
} from "../schemas/members";
import { ListOrganizationUsersOutput } from "../schemas/organizations";
import { memberReadableList, operation } from "./operation";

const WS_USERS = "/organizations/{organization_id}/workspaces/{workspace_id}/users";
const ORG_USERS = "/organizations/{organization_id}/users";
const userIdOf = (u: UserWithRolesOutput) => u.user.name.split("/").pop() ?? "";

export const ListWorkspaceUsers = operation({
  id: "ListWorkspaceUsers",
  method: "GET",
  path: WS_USERS,
  tag: "Workspace members",
  summary: "List a workspace's members and the organization admins who reach it",
  description: 'filter: `role = "Workspace Viewer"`, `role_scope = workspace|organization`, `search : "john"`; order_by: `display_name`, `email`, `created_time`, `updated_time`.',
  scope: "workspace",
  permission: "read:Member",
  query: ListQuery,
  response: ListUsersOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listWorkspaceUsers(ctx, access, query),
});

export const AddWorkspaceUser = operation({
  id: "AddWorkspaceUser",
  method: "POST",
  path: WS_USERS,
  tag: "Workspace members",
  summary: "Add an organization member to the workspace with roles",
  scope: "workspace",
  permission: "create:Member",
  body: WorkspaceMemberCreateInput,
  response: UserWithRolesOutput,
  status: 201,
  location: (user, params) => `organizations/${params.organization_id}/workspaces/${params.workspace_id}/users/${userIdOf(user)}`,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "FAILED_PRECONDITION"],
  example: { email: "ada@acme.example", roles: ["workspace-editor"] },
  run: (ctx, access, { body }) => addWorkspaceMember(ctx, access, body),
});

export const GetWorkspaceUser = operation({
  id: "GetWorkspaceUser",
  method: "GET",
  path: `${WS_USERS}/{user_id}`,
  tag: "Workspace members",
  summary: "Get a member of the workspace with their roles",
  scope: "workspace",
  permission: "read:Member",
  response: UserWithRolesOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access, { params }) => getWorkspaceMember(access, params.user_id),
});

export const UpdateWorkspaceUser = operation({
  id: "UpdateWorkspaceUser",
  method: "PATCH",
  path: `${WS_USERS}/{user_id}`,
  tag: "Workspace members",
  summary: "Replace a member's workspace roles",
  scope: "workspace",
  permission: "update:Member",
  query: UpdateMaskQuery,
  body: MemberRolesUpdateInput,
  updateMask: MEMBER_UPDATE_MASK,
  response: UserWithRolesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { roles: ["workspace-viewer"] },
  run: (ctx, access, { params, body }) => updateWorkspaceMember(ctx, access, params.user_id, body),
});

export const RemoveWorkspaceUser = operation({
  id: "RemoveWorkspaceUser",
  method: "DELETE",
  path: `${WS_USERS}/{user_id}`,
  tag: "Workspace members",
  summary: "Remove a member (a member may always leave)",
  scope: "workspace",
  permission: "delete:Member",
  selfService: (ctx, params) => params.user_id === ctx.caller.userId,
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { params }) => {
    await removeWorkspaceMember(ctx, access, params.user_id);
    return null;
  },
});

export const ListOrganizationUsers = operation({
  id: "ListOrganizationUsers",
  method: "GET",
  path: ORG_USERS,
  tag: "Organization members",
  summary: "List the organization's members with their organization roles",
  ...memberReadableList,
  query: ListQuery,
  response: ListOrganizationUsersOutput,
  run: (ctx, access, { query }) => listOrganizationUsers(ctx, access, query),
});

export const AddOrganizationUser = operation({
  id: "AddOrganizationUser",
  method: "POST",
  path: ORG_USERS,
  tag: "Organization members",
  summary: "Add an existing account to the organization, by email",
  scope: "organization",
  permission: "manage:OrganizationMember",
  body: OrganizationMemberCreateInput,
  response: UserWithRolesOutput,
  status: 201,
  location: (user) => user.user.name,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS"],
  example: { email: "ada@acme.example", roles: ["org-member"] },
  run: (ctx, access, { body }) => addOrganizationMember(ctx, access, body),
});

export const GetUserBasicInfo = operation({
  id: "GetUserBasicInfo",
  method: "GET",
  path: `${ORG_USERS}/{user_id}`,
  tag: "Organization members",
  summary: "A member's name and email",
  scope: "organization",
  permission: "read:Organization",
  response: UserBasicInfoOutput,
  errors: ["NOT_FOUND"],
  run: (_ctx, access, { params }) => getUserBasicInfo(access, params.user_id),
});

export const UpdateOrganizationUser = operation({
  id: "UpdateOrganizationUser",
  method: "PATCH",
  path: `${ORG_USERS}/{user_id}`,
  tag: "Organization members",
  summary: "Replace a member's organization roles",
  scope: "organization",
  permission: "manage:OrganizationMember",
  query: UpdateMaskQuery,
  body: MemberRolesUpdateInput,
  updateMask: MEMBER_UPDATE_MASK,
  response: UserWithRolesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { roles: ["org-admin"] },
  run: (ctx, access, { params, body }) => updateOrganizationMember(ctx, access, params.user_id, body),
});

export const RemoveOrganizationUser = operation({
  id: "RemoveOrganizationUser",
  method: "DELETE",
  path: `${ORG_USERS}/{user_id}`,
  tag: "Organization members",
  summary: "Remove a member from the organization and all its workspaces",
  scope: "organization",
  permission: "manage:OrganizationMember",
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { params }) => {
    await removeOrganizationMember(ctx, access, params.user_id);
    return null;
  },
});

export const MEMBER_OPERATIONS = [
  ListWorkspaceUsers, AddWorkspaceUser, GetWorkspaceUser, UpdateWorkspaceUser, RemoveWorkspaceUser,
  ListOrganizationUsers, AddOrganizationUser, GetUserBasicInfo, UpdateOrganizationUser, RemoveOrganizationUser,
];
