import type { WorkspaceOutput } from "../../schemas/workspaces";
import { versionEtag } from "../../api/etag";
import { DEFAULT_DATA_POLICY, type DataPolicy } from "../../schemas/workspaces";
import type { WorkspaceState } from "../../generated/prisma/enums";

export const workspaceSelect = {
  id: true,
  organizationId: true,
  title: true,
  description: true,
  icon: true,
  iconColor: true,
  state: true,
  stateTransitions: true,
  dataPolicy: true,
  domain: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deleteTime: true,
  purgeTime: true,
  creator: { select: { displayName: true, email: true } },
} as const;

export interface WorkspaceRow {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  icon: string;
  iconColor: string;
  state: WorkspaceState;
  stateTransitions: unknown;
  dataPolicy: unknown;
  domain: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deleteTime: Date | null;
  purgeTime: Date | null;
  creator: { displayName: string; email: string } | null;
}

export const workspaceName = (orgId: string, wsId: string) => `organizations/${orgId}/workspaces/${wsId}`;

export const workspaceEtag = versionEtag;

export function toWorkspaceOutput(row: WorkspaceRow): WorkspaceOutput {
  return {
    name: workspaceName(row.organizationId, row.id),
    workspace_id: row.id,
    title: row.title,
    description: row.description,
    workspace_icon: row.icon,
    workspace_icon_color: row.iconColor,
    state: row.state,
    state_transitions: (Array.isArray(row.stateTransitions) ? row.stateTransitions : []) as WorkspaceOutput["state_transitions"],
    data_policy: (row.dataPolicy as DataPolicy | null) ?? DEFAULT_DATA_POLICY,
    configuration: { domain: row.domain },
    create_time: row.createdAt.toISOString(),
    update_time: row.updatedAt.toISOString(),
    delete_time: row.deleteTime?.toISOString() ?? null,
    purge_time: row.purgeTime?.toISOString() ?? null,
    creator_display_name: row.creator?.displayName ?? "",
    creator_email: row.creator?.email ?? "",
    etag: workspaceEtag(row.version),
  };
}
