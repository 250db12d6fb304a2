// Workspace operations (API.md §3): Kognitos ListWorkspaces, GetWorkspace and CountWorkspaceUsers,
// and the lifecycle, clone and bulk provisioning of the other seeds.

import "server-only";
import { cloneWorkspace } from "../domain/workspaces/clone-workspace";
import { batchCreateWorkspaces } from "../domain/workspaces/batch-create-workspaces";
import { countWorkspaceUsers } from "../domain/workspaces/count-workspace-users";
import { createWorkspace } from "../domain/workspaces/create-workspace";
import { deleteWorkspace } from "../domain/workspaces/delete-workspace";
import { disableWorkspace } from "../domain/workspaces/disable-workspace";
import { enableWorkspace } from "../domain/workspaces/enable-workspace";
import { getWorkspace } from "../domain/workspaces/get-workspace";
import { listCurrentUserWorkspaces } from "../domain/workspaces/list-current-user-workspaces";
import { listWorkspaces } from "../domain/workspaces/list-workspaces";
import { terminateWorkspace } from "../domain/workspaces/terminate-workspace";
import { undeleteWorkspace } from "../domain/workspaces/undelete-workspace";
import { updateWorkspace } from "../domain/workspaces/update-workspace";
import { EtagQuery, ListQuery, queryBoolean, UpdateMaskQuery } from "../schemas/common";
import {
  BatchCreateWorkspacesInput,
  BatchCreateWorkspacesOutput,
  CountWorkspaceUsersInput,
  CountWorkspaceUsersOutput,
  ListCurrentUserWorkspacesOutput,
  ListWorkspacesOutput,
  WORKSPACE_UPDATE_MASK,
  WorkspaceCloneInput,
  WorkspaceCreateInput,
  WorkspaceDeleteInput,
  WorkspaceOutput,
  WorkspaceStateChangeInput,
  WorkspaceUpdateInput,
} from "../schemas/workspaces";
import { memberReadableList, operation } from "./operation";

const tag = "Workspaces";
const COLLECTION = "/organizations/{organization_id}/workspaces";
const RESOURCE = `${COLLECTION}/{workspace_id}`;

export const ListWorkspaces = operation({
  id: "ListWorkspaces",
  method: "GET",
  path: COLLECTION,
  tag,
  summary: "List the workspaces of an organization the caller can see",
  description: 'Filter on `title` and `state`; order by `title`, `create_time` or `update_time` (default `create_time desc`). Soft-deleted workspaces appear only with `show_deleted=true`.',
  scope: "organization",
  permission: "read:Organization",
  query: ListQuery.extend({ show_deleted: queryBoolean("Also list soft-deleted workspaces that are not purged yet (AIP-164).") }),
  response: ListWorkspacesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND"],
  run: (ctx, access, { query }) => listWorkspaces(ctx, access, query, { showDeleted: query.show_deleted }),
});

export const CreateWorkspace = operation({
  id: "CreateWorkspace",
  method: "POST",
  path: COLLECTION,
  tag,
  summary: "Create a workspace; the caller becomes its admin",
  scope: "organization",
  permission: "create:Workspace",
  body: WorkspaceCreateInput,
  response: WorkspaceOutput,
  status: 201,
  location: (ws) => ws.name,
  etagHeader: true,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS"],
  example: { title: "Production", description: "Customer-facing automations", workspace_icon: "rocket", workspace_icon_color: "#4F46E5" },
  run: (ctx, access, { body }) => createWorkspace(ctx, access, body),
});

export const BatchCreateWorkspaces = operation({
  id: "BatchCreateWorkspaces",
  method: "POST",
  path: `${COLLECTION}:batchCreate`,
  tag,
  summary: "Provision 1–100 workspaces with their members, all or nothing",
  description: "Members who are not organization members get invitations. `template_workspace_id` fills unset fields from a workspace the caller may clone.",
  scope: "organization",
  permission: "create:Workspace",
  body: BatchCreateWorkspacesInput,
  bodyStyle: { brackets: true },
  response: BatchCreateWorkspacesOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS"],
  example: { requests: [{ workspace: { title: "Team A" }, members: [{ email: "ada@acme.example", roles: ["workspace-admin"] }] }] },
  run: (ctx, access, { body }) => batchCreateWorkspaces(ctx, access, body),
});

export const CountWorkspaceUsers = operation({
  id: "CountWorkspaceUsers",
  method: "POST",
  path: `${COLLECTION}:countUsers`,
  tag,
  summary: "Count the users of up to 1000 workspaces in one request",
  scope: "organization",
  permission: "read:Organization",
  body: CountWorkspaceUsersInput,
  bodyStyle: { brackets: true },
  response: CountWorkspaceUsersOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND"],
  example: { workspace_ids: ["ws_0123456789abcdefghij"] },
  run: (ctx, access, { body }) => countWorkspaceUsers(ctx, access, body),
});

export const GetWorkspace = operation({
  id: "GetWorkspace",
  method: "GET",
  path: RESOURCE,
  tag,
  summary: "Get a workspace",
  scope: "workspace",
  permission: "read:Workspace",
  response: WorkspaceOutput,
  etagHeader: true,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access) => getWorkspace(access),
});

export const UpdateWorkspace = operation({
  id: "UpdateWorkspace",
  method: "PATCH",
  path: RESOURCE,
  tag,
  summary: "Change a workspace's title, description, icon, color or domain",
  scope: "workspace",
  permission: "update:Workspace",
  query: UpdateMaskQuery,
  body: WorkspaceUpdateInput,
  updateMask: WORKSPACE_UPDATE_MASK,
  etag: true,
  response: WorkspaceOutput,
  etagHeader: true,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "ABORTED", "FAILED_PRECONDITION"],
  example: { title: "Production (EU)", etag: 'W/"3"' },
  run: (ctx, access, { body, paths, maskGiven, preconditions }) => updateWorkspace(ctx, access, { input: body, paths, maskGiven, preconditions }),
});

export const DeleteWorkspace = operation({
  id: "DeleteWorkspace",
  method: "DELETE",
  path: RESOURCE,
  tag,
  summary: "Soft-delete a workspace (restorable until its purge time, 30 days)",
  scope: "workspace",
  permission: "delete:Workspace",
  query: EtagQuery,
  body: WorkspaceDeleteInput,
  etag: true,
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "ABORTED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { preconditions }) => {
    await deleteWorkspace(ctx, access, { preconditions });
    return null;
  },
});

export const UndeleteWorkspace = operation({
  id: "UndeleteWorkspace",
  method: "POST",
  path: `${RESOURCE}:undelete`,
  tag,
  summary: "Restore a soft-deleted workspace before its purge time",
  scope: "workspace",
  permission: "delete:Workspace",
  // The one operation that reaches a soft-deleted workspace.
  includeDeleted: true,
  body: WorkspaceDeleteInput,
  etag: true,
  response: WorkspaceOutput,
  etagHeader: true,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "ABORTED", "FAILED_PRECONDITION", "ALREADY_EXISTS"],
  run: (ctx, access, { preconditions }) => undeleteWorkspace(ctx, access, { preconditions }),
});

const stateChange = { reason: "USER_INITIATED", comment: "Quarterly review" };

// The three state changes differ only in their verb, summary and domain call.
function stateChangeOperation<Id extends string>(
  id: Id,
  verb: string,
  summary: string,
  change: typeof disableWorkspace,
) {
  return operation({
    id,
    method: "POST",
    path: `${RESOURCE}:${verb}`,
    tag,
    summary,
    scope: "workspace",
    permission: "manage:WorkspaceState",
    body: WorkspaceStateChangeInput,
    response: WorkspaceOutput,
    etagHeader: true,
    errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
    example: stateChange,
    run: (ctx, access, { body }) => change(ctx, access, body),
  });
}

export const DisableWorkspace = stateChangeOperation("DisableWorkspace", "disable", "Disable a workspace: read-only until enabled", disableWorkspace);
export const EnableWorkspace = stateChangeOperation("EnableWorkspace", "enable", "Enable a disabled workspace", enableWorkspace);
export const TerminateWorkspace = stateChangeOperation("TerminateWorkspace", "terminate", "Terminate a workspace: read-only forever", terminateWorkspace);

export const CloneWorkspace = operation({
  id: "CloneWorkspace",
  method: "POST",
  path: `${RESOURCE}:clone`,
  tag,
  summary: "Copy a workspace (settings, preferences, custom roles, optionally members)",
  description: "Needs clone:Workspace on the source and create:Workspace on the organization. Invitations and credentials are never copied.",
  scope: "workspace",
  permission: "clone:Workspace",
  body: WorkspaceCloneInput,
  response: WorkspaceOutput,
  status: 201,
  location: (ws) => ws.name,
  etagHeader: true,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS"],
  example: { title: "Production copy", include_members: true },
  run: (ctx, access, { body }) => cloneWorkspace(ctx, access, body),
});

export const ListCurrentUserOrganizationWorkspaces = operation({
  id: "CurrentUserOrganizationWorkspaces",
  method: "GET",
  path: "/me/organizations/{organization_id}/workspaces",
  tag: "Current user",
  summary: "The workspaces of an organization the caller can read",
  ...memberReadableList,
  query: ListQuery,
  response: ListCurrentUserWorkspacesOutput,
  run: (ctx, access, { query }) => listCurrentUserWorkspaces(ctx, access, query),
});

export const WORKSPACE_OPERATIONS = [
  ListWorkspaces, CreateWorkspace, BatchCreateWorkspaces, CountWorkspaceUsers, GetWorkspace, UpdateWorkspace,
  DeleteWorkspace, UndeleteWorkspace, DisableWorkspace, EnableWorkspace, TerminateWorkspace, CloneWorkspace,
  ListCurrentUserOrganizationWorkspaces,
];
