import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import type { Tx } from "../../prisma-client";
import { DEFAULT_DATA_POLICY, type DataPolicy, type WorkspaceCreateInput, type WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { UNSET_GENERAL } from "../preferences/inheritance";
import type { MemberSeed, PreferencesSeed, RoleSeed } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName, workspaceSelect, type WorkspaceRow } from "./workspace-output";

export interface NewWorkspace {
  title: string;
  description: string;
  icon: string;
  iconColor: string;
  dataPolicy: DataPolicy;
  domain: string;
  /** Starting preferences; the organization's defaults when absent. */
  preferences?: PreferencesSeed | null;
  /** Custom roles to copy under new ids. */
  roles?: RoleSeed[];
  /** Members besides the creator; custom role ids refer to `roles` and are remapped. */
  members?: MemberSeed[];
}

// A new workspace sets nothing of its own: every general field inherits the organization's
// default when read, so a later change of that default reaches it too. Only the organization's
// support-access default is taken as the workspace's starting value.
async function organizationDefaults(tx: Tx, organizationId: string): Promise<PreferencesSeed> {
  const org = await tx.organizationPreferences.findUnique({ where: { organizationId }, select: { supportTeamAccess: true } });
  return { ...UNSET_GENERAL, supportTeamAccess: org?.supportTeamAccess ?? false, supportAccessExpireTime: null };
}

/**
 * Inserts a workspace inside the caller's transaction: the creator becomes its workspace admin
 * (keeping any roles `members` gives them too), custom roles are copied under new ids, and
 * member role ids are remapped to the copies. Writes no audit entry: the operation does.
 */
export async function insertWorkspace(tx: Tx, ctx: RequestContext, organizationId: string, seed: NewWorkspace): Promise<WorkspaceRow> {
  const id = newId("ws");
  const preferences = seed.preferences ?? (await organizationDefaults(tx, organizationId));
  const roleIds = new Map((seed.roles ?? []).map((r) => [r.id, newId("role")]));
  // A custom role id that does not resolve grants nothing, so it is dropped rather than copied.
  const remap = (roles: string[]) =>
    roles.flatMap((r) => (r.startsWith("role_") ? (roleIds.has(r) ? [roleIds.get(r)!] : []) : [r]));

  const creatorId = ctx.caller.userId;
  const creatorRoles = new Set([WORKSPACE_ADMIN]);
  const others: MemberSeed[] = [];
  for (const m of seed.members ?? []) {
    if (m.userId === creatorId) remap(m.roles).forEach((r) => creatorRoles.add(r));
    else {
      const roles = [...new Set(remap(m.roles))];
      if (roles.length) others.push({ userId: m.userId, roles });
    }
  }

  await tx.workspace.create({
    data: {
      id,
      organizationId,
      title: seed.title,
      activeTitleKey: seed.title.toLowerCase(),
      description: seed.description,
      icon: seed.icon,
      iconColor: seed.iconColor,
      dataPolicy: seed.dataPolicy,
      domain: seed.domain,
      creatorId,
      preferences: { create: preferences },
    },
  });
  if (roleIds.size) {
    await tx.role.createMany({
      data: (seed.roles ?? []).map((r) => ({
        id: roleIds.get(r.id)!,
        workspaceId: id,
        title: r.title,
        titleKey: r.titleKey,
        description: r.description,
        permissions: r.permissions,
      })),
    });
  }
  await tx.workspaceMember.createMany({
    data: [{ workspaceId: id, userId: creatorId, roles: [...creatorRoles] }, ...others.map((m) => ({ workspaceId: id, ...m }))],
  });
  return tx.workspace.findUniqueOrThrow({ where: { id }, select: workspaceSelect });
}

export function newWorkspaceFromInput(input: WorkspaceCreateInput): NewWorkspace {
  return {
    title: input.title,
    description: input.description,
    icon: input.workspace_icon,
    iconColor: input.workspace_icon_color,
    dataPolicy: input.data_policy ?? DEFAULT_DATA_POLICY,
    domain: input.configuration?.domain ?? "",
  };
}

/** POST …/workspaces. The unique index on (organization, lower(title)) among live workspaces decides races. */
export async function createWorkspace(ctx: RequestContext, access: OrgAccess, input: WorkspaceCreateInput): Promise<WorkspaceOutput> {
  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created = await insertWorkspace(tx, ctx, access.organizationId, newWorkspaceFromInput(input));
      await writeAuditEntry(tx, ctx, {
        organizationId: access.organizationId,
        workspaceId: created.id,
        action: "workspace.create",
        resource: workspaceName(access.organizationId, created.id),
        changes: { after: toWorkspaceOutput(created) },
      });
      return created;
    });
    return toWorkspaceOutput(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(input.title);
    throw error;
  }
}
