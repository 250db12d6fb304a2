// Preference operations (API.md §6): Kognitos GetWorkspacePreferences, and the organization's
// defaults in the same shape, each with its masked, etag-checked PATCH.

import "server-only";
import { getOrganizationPreferences } from "../domain/preferences/get-organization-preferences";
import { getWorkspacePreferences } from "../domain/preferences/get-workspace-preferences";
import { updateOrganizationPreferences } from "../domain/preferences/update-organization-preferences";
import { updateWorkspacePreferences } from "../domain/preferences/update-workspace-preferences";
import { UpdateMaskQuery } from "../schemas/common";
import {
  ORGANIZATION_PREFERENCES_MASK,
  OrganizationPreferencesOutput,
  OrganizationPreferencesUpdateInput,
  WORKSPACE_PREFERENCES_MASK,
  WorkspacePreferencesOutput,
  WorkspacePreferencesUpdateInput,
} from "../schemas/preferences";
import { operation, type Operation } from "./operation";

const tag = "Preferences";
const WORKSPACE = "/organizations/{organization_id}/workspaces/{workspace_id}/preferences";
const ORGANIZATION = "/organizations/{organization_id}/preferences";
const INHERITANCE =
  "A general field left UNSPECIFIED (or empty) inherits the organization's value, then the product default (UTC, 24-hour, YYYY-MM-DD, period, 2, metric); `effective_general` gives every field resolved and, in `sources`, where each comes from.";

export const GetWorkspacePreferences = operation({
  id: "GetWorkspacePreferences",
  method: "GET",
  path: WORKSPACE,
  tag,
  summary: "Get a workspace's preferences, with the effective value of each",
  description: INHERITANCE,
  scope: "workspace",
  permission: "read:Preferences",
  response: WorkspacePreferencesOutput,
  etagHeader: true,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (_ctx, access) => getWorkspacePreferences(access),
});

export const UpdateWorkspacePreferences = operation({
  id: "UpdateWorkspacePreferences",
  method: "PATCH",
  path: WORKSPACE,
  tag,
  summary: "Change a workspace's preferences or support access",
  description: `${INHERITANCE} Send a field as UNSPECIFIED, "" or null (or name it in update_mask and leave it out) to inherit again. \`support_team_access\` may be granted with \`support_access_expire_time\` at most 30 days ahead; access ends by itself then.`,
  scope: "workspace",
  permission: "update:Preferences",
  query: UpdateMaskQuery,
  body: WorkspacePreferencesUpdateInput,
  updateMask: WORKSPACE_PREFERENCES_MASK,
  etag: true,
  response: WorkspacePreferencesOutput,
  etagHeader: true,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ABORTED", "FAILED_PRECONDITION"],
  example: { general: { time_zone: "Europe/Zurich", date_format: "DATE_FORMAT_DD_MM_YYYY_DOT" }, etag: 'W/"1"' },
  run: (ctx, access, { body, paths, preconditions }) => updateWorkspacePreferences(ctx, access, { input: body, paths, preconditions }),
});

export const GetOrganizationPreferences = operation({
  id: "GetOrganizationPreferences",
  method: "GET",
  path: ORGANIZATION,
  tag,
  summary: "Get the organization's default preferences, which its workspaces inherit",
  scope: "organization",
  permission: "read:Organization",
  response: OrganizationPreferencesOutput,
  etagHeader: true,
  errors: ["NOT_FOUND"],
  run: (_ctx, access) => getOrganizationPreferences(access),
});

export const UpdateOrganizationPreferences = operation({
  id: "UpdateOrganizationPreferences",
  method: "PATCH",
  path: ORGANIZATION,
  tag,
  summary: "Change the organization's default preferences",
  description: "Every workspace that leaves a field unset follows the new default at once (nothing is copied into workspaces).",
  scope: "organization",
  permission: "update:Organization",
  query: UpdateMaskQuery,
  body: OrganizationPreferencesUpdateInput,
  updateMask: ORGANIZATION_PREFERENCES_MASK,
  etag: true,
  response: OrganizationPreferencesOutput,
  etagHeader: true,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ABORTED"],
  example: { general: { time_zone: "America/New_York" } },
  run: (ctx, access, { body, paths, preconditions }) => updateOrganizationPreferences(ctx, access, { input: body, paths, preconditions }),
});

export const PREFERENCE_OPERATIONS: Operation[] = [GetWorkspacePreferences, UpdateWorkspacePreferences, GetOrganizationPreferences, UpdateOrganizationPreferences];
