// What a new workspace may copy from an existing one (:clone, and batchCreate's template):
// description, icon, color, configuration, data policy, preferences, custom roles and, for a
// clone that asks for them, members with their roles. Never invitations or credentials.

import "server-only";
import type { Tx } from "../../prisma-client";
import { DEFAULT_DATA_POLICY, type DataPolicy } from "../../schemas/workspaces";
import { workspaceNotFound, type WorkspaceRef } from "./workspace-changes";
import { supportAccessActive, type StoredGeneral } from "../preferences/inheritance";
import { generalSelect } from "../preferences/preferences-output";

export interface PreferencesSeed extends StoredGeneral {
  supportTeamAccess: boolean;
  /** A time-boxed support grant keeps its end in a copy; an expired one is copied as off. */
  supportAccessExpireTime: Date | null;
}

export interface RoleSeed {
  /** The role's id where it is copied from; member role ids are remapped through it. */
  id: string;
  title: string;
  titleKey: string;
  description: string;
  permissions: string[];
}

export interface MemberSeed {
  userId: string;
  roles: string[];
}

export interface WorkspaceBlueprint {
  description: string;
  icon: string;
  iconColor: string;
  dataPolicy: DataPolicy;
  domain: string;
  preferences: PreferencesSeed | null;
  roles: RoleSeed[];
  members: MemberSeed[];
}

const preferencesSelect = { ...generalSelect, supportTeamAccess: true, supportAccessExpireTime: true } as const;

function copyablePreferences(p: PreferencesSeed): PreferencesSeed {
  const active = supportAccessActive(p.supportTeamAccess, p.supportAccessExpireTime, new Date());
  return { ...p, supportTeamAccess: active, supportAccessExpireTime: active ? p.supportAccessExpireTime : null };
}

/** Reads a live workspace as a blueprint (tenant-scoped: another organization's id is NOT_FOUND). */
export async function loadWorkspaceBlueprint(tx: Tx, ref: WorkspaceRef, options: { members: boolean }): Promise<WorkspaceBlueprint> {
  const ws = await tx.workspace.findFirst({
    where: { id: ref.workspaceId, organizationId: ref.organizationId, deleteTime: null },
    select: {
      description: true,
      icon: true,
      iconColor: true,
      dataPolicy: true,
      domain: true,
      preferences: { select: preferencesSelect },
      roles: { select: { id: true, title: true, titleKey: true, description: true, permissions: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!ws) throw workspaceNotFound(ref);
  const members = options.members
    ? await tx.workspaceMember.findMany({
        // Only people still in the organization are copied: a stale membership must not come back.
        where: { workspaceId: ref.workspaceId, user: { organizationMemberships: { some: { organizationId: ref.organizationId } } } },
        select: { userId: true, roles: true },
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      })
    : [];
  return {
    description: ws.description,
    icon: ws.icon,
    iconColor: ws.iconColor,
    dataPolicy: (ws.dataPolicy as DataPolicy | null) ?? DEFAULT_DATA_POLICY,
    domain: ws.domain,
    preferences: ws.preferences ? copyablePreferences(ws.preferences) : null,
    roles: ws.roles,
    members,
  };
}
