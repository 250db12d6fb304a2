// Stored preference rows → the wire shapes of lib/schemas/preferences.ts.

import { versionEtag } from "../../api/etag";
import type { OrganizationPreferencesOutput, WorkspacePreferencesOutput } from "../../schemas/preferences";
import { resolveGeneral, resolveOrganizationGeneral, supportAccessActive, toGeneralOutput, type StoredGeneral } from "./inheritance";

export const workspacePreferencesName = (orgId: string, wsId: string) => `organizations/${orgId}/workspaces/${wsId}/preferences`;
export const organizationPreferencesName = (orgId: string) => `organizations/${orgId}/preferences`;

export const generalSelect = {
  timeZone: true,
  timeFormat: true,
  dateFormat: true,
  decimalSymbol: true,
  decimalPlaces: true,
  measurementSystem: true,
} as const;

export const workspacePreferencesSelect = {
  ...generalSelect,
  supportTeamAccess: true,
  supportAccessExpireTime: true,
  version: true,
  updatedAt: true,
} as const;

export const organizationPreferencesSelect = {
  ...generalSelect,
  membersCanCreateWorkspaces: true,
  version: true,
  updatedAt: true,
} as const;

export interface WorkspacePreferencesRow extends StoredGeneral {
  supportTeamAccess: boolean;
  supportAccessExpireTime: Date | null;
  version: number;
  updatedAt: Date;
}

export interface OrganizationPreferencesRow extends StoredGeneral {
  membersCanCreateWorkspaces: boolean;
  version: number;
  updatedAt: Date;
}

export function generalOf(row: StoredGeneral): StoredGeneral {
  return {
    timeZone: row.timeZone,
    timeFormat: row.timeFormat,
    dateFormat: row.dateFormat,
    decimalSymbol: row.decimalSymbol,
    decimalPlaces: row.decimalPlaces,
    measurementSystem: row.measurementSystem,
  };
}

export function toWorkspacePreferencesOutput(
  ref: { organizationId: string; workspaceId: string },
  row: WorkspacePreferencesRow,
  org: StoredGeneral | null,
  now: Date,
): WorkspacePreferencesOutput {
  const active = supportAccessActive(row.supportTeamAccess, row.supportAccessExpireTime, now);
  return {
    name: workspacePreferencesName(ref.organizationId, ref.workspaceId),
    support_team_access: active,
    ...(active && row.supportAccessExpireTime ? { support_access_expire_time: row.supportAccessExpireTime.toISOString() } : {}),
    general: toGeneralOutput(generalOf(row)),
    effective_general: resolveGeneral(generalOf(row), org),
    update_time: row.updatedAt.toISOString(),
    etag: versionEtag(row.version),
  };
}

export function toOrganizationPreferencesOutput(organizationId: string, row: OrganizationPreferencesRow): OrganizationPreferencesOutput {
  return {
    name: organizationPreferencesName(organizationId),
    general: toGeneralOutput(generalOf(row)),
    effective_general: resolveOrganizationGeneral(generalOf(row)),
    members_can_create_workspaces: row.membersCanCreateWorkspaces,
    update_time: row.updatedAt.toISOString(),
    etag: versionEtag(row.version),
  };
}
