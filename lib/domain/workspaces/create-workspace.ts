import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import type { Tx } from "../../prisma-client";
import type { Prisma } from "../../generated/prisma/client";
import { DEFAULT_DATA_POLICY, type DataPolicy, type WorkspaceCreateInput, type WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertRows } from "../insert-rows";
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
 * Inserts workspaces inside the caller's transaction, set-based: one statement per table
 * whatever their number (workspaces, preferences, copied roles, members), then one read of the
 * rows. For each, the creator becomes its workspace admin (keeping any roles `members` gives them
 * too), custom roles are copied under new ids, and member role ids are remapped to the copies.
 * Writes no audit entry: the operation does. Returns the rows in the order of `seeds`.
 */
export async function insertWorkspaces(tx: Tx, ctx: RequestContext, organizationId: string, seeds: NewWorkspace[]): Promise<WorkspaceRow[]> {
  if (seeds.length === 0) return [];
  const defaults = seeds.some((s) => !s.preferences) ? await organizationDefaults(tx, organizationId) : undefined;
  const creatorId = ctx.caller.userId;
  const workspaces: Prisma.WorkspaceCreateManyInput[] = [];
  const preferences: Prisma.WorkspacePreferencesCreateManyInput[] = [];
  const roles: Prisma.RoleCreateManyInput[] = [];
  const members: Prisma.WorkspaceMemberCreateManyInput[] = [];
  for (const seed of seeds) {
    const id = newId("ws");
    const roleIds = new Map((seed.roles ?? []).map((r) => [r.id, newId("role")]));
    // A custom role id that does not resolve grants nothing, so it is dropped rather than copied.
    const remap = (ids: string[]) => ids.flatMap((r) => (r.startsWith("role_") ? (roleIds.has(r) ? [roleIds.get(r)!] : []) : [r]));
    const creatorRoles = new Set([WORKSPACE_ADMIN]);
    const others: MemberSeed[] = [];
    for (const m of seed.members ?? []) {
      if (m.userId === creatorId) remap(m.roles).forEach((r) => creatorRoles.add(r));
      else {
        const memberRoles = [...new Set(remap(m.roles))];
        if (memberRoles.length) others.push({ userId: m.userId, roles: memberRoles });
      }
    }
    workspaces.push({
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
    });
    preferences.push({ workspaceId: id, ...(seed.preferences ?? defaults!) });
    for (const r of seed.roles ?? []) {
      roles.push({ id: roleIds.get(r.id)!, workspaceId: id, title: r.title, titleKey: r.titleKey, description: r.description, permissions: r.permissions });
    }
    members.push({ workspaceId: id, userId: creatorId, roles: [...creatorRoles] }, ...others.map((m) => ({ workspaceId: id, ...m })));
  }
  await insertRows(
    tx,
    "workspaces",
    {
      id: "text",
      organization_id: "text",
      title: "text",
      active_title_key: "text",
      description: "text",
      workspace_icon: "text",
      workspace_icon_color: "text",
      data_policy: "jsonb",
      domain: "text",
      creator_id: "text",
    },
    workspaces.map((w) => ({
      id: w.id,
      organization_id: w.organizationId,
      title: w.title,
      active_title_key: w.activeTitleKey,
      description: w.description,
      workspace_icon: w.icon,
      workspace_icon_color: w.iconColor,
      data_policy: w.dataPolicy,
      domain: w.domain,
      creator_id: w.creatorId,
    })),
    { update_time: "now()" },
  );
  await tx.workspacePreferences.createMany({ data: preferences });
  if (roles.length) await tx.role.createMany({ data: roles });
  await insertRows(
    tx,
    "workspace_members",
    { workspace_id: "text", user_id: "text", roles: "text[]" },
    members.map((m) => ({ workspace_id: m.workspaceId, user_id: m.userId, roles: m.roles })),
    { update_time: "now()" },
  );
  const rows = await tx.workspace.findMany({ where: { id: { in: workspaces.map((w) => w.id) } }, select: workspaceSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return workspaces.map((w) => byId.get(w.id)!);
}

/** One workspace: `insertWorkspaces` with one seed. */
export async function insertWorkspace(tx: Tx, ctx: RequestContext, organizationId: string, seed: NewWorkspace): Promise<WorkspaceRow> {
  const [row] = await insertWorkspaces(tx, ctx, organizationId, [seed]);
  return row;
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
