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

/**
 * `workspaceSelect` in SQL, for raw reads: the columns of `workspaces w` named as WorkspaceRow's
 * fields, and the creator's as creatorDisplayName / creatorEmail from `users <creator>` (joined by
 * the statement, LEFT JOIN on creator_id).
 */
export const workspaceSqlColumns = (creator: string) => `w.id, w.organization_id AS "organizationId", w.title, w.description, w.workspace_icon AS icon,
  w.workspace_icon_color AS "iconColor", w.state::text AS state, w.state_transitions AS "stateTransitions",
  w.data_policy AS "dataPolicy", w.domain, w.version, w.create_time AS "createdAt", w.update_time AS "updatedAt",
  w.delete_time AS "deleteTime", w.purge_time AS "purgeTime", ${creator}.display_name AS "creatorDisplayName", ${creator}.email AS "creatorEmail"`;

/** The creator of a row read with `workspaceSqlColumns` (null: none, the LEFT JOIN found no user). */
export const creatorOfColumns = (r: { creatorDisplayName: string | null; creatorEmail: string | null }): WorkspaceRow["creator"] =>
  r.creatorDisplayName === null ? null : { displayName: r.creatorDisplayName, email: r.creatorEmail ?? "" };

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

/** A time as a Date, or as the RFC 3339 text `toISOString` writes for it (lib/prisma-client `isoTimestamps`). */
type Time = Date | string;

const iso = (time: Time) => (typeof time === "string" ? time : time.toISOString());

/** A workspace row's own columns, its times as Dates (Prisma) or as text (the list's raw read). */
export type WorkspaceColumns = Omit<WorkspaceRow, "createdAt" | "updatedAt" | "deleteTime" | "purgeTime" | "creator"> & {
  createdAt: Time;
  updatedAt: Time;
  deleteTime: Time | null;
  purgeTime: Time | null;
};

/** The output of a row and its creator (null: none). */
export function workspaceOutputOf(row: WorkspaceColumns, creator: WorkspaceRow["creator"]): WorkspaceOutput {
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
    create_time: iso(row.createdAt),
    update_time: iso(row.updatedAt),
    delete_time: row.deleteTime ? iso(row.deleteTime) : null,
    purge_time: row.purgeTime ? iso(row.purgeTime) : null,
    creator_display_name: creator?.displayName ?? "",
    creator_email: creator?.email ?? "",
    etag: workspaceEtag(row.version),
  };
}

export function toWorkspaceOutput(row: WorkspaceRow): WorkspaceOutput {
  return workspaceOutputOf(row, row.creator);
}
