import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import type { SqlTx } from "../../prisma-client";
import { DEFAULT_DATA_POLICY, type DataPolicy, type WorkspaceCreateInput, type WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertRows } from "../insert-rows";
import { UNSET_GENERAL } from "../preferences/inheritance";
import type { MemberSeed, PreferencesSeed, RoleSeed } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken } from "./workspace-changes";
import { creatorOfColumns, toWorkspaceOutput, workspaceName, workspaceSqlColumns, type WorkspaceRow } from "./workspace-output";

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
async function organizationDefaults(tx: SqlTx, organizationId: string): Promise<PreferencesSeed> {
  const [org] = await tx.$queryRawUnsafe<{ support_team_access: boolean }[]>(
    `SELECT support_team_access FROM organization_preferences WHERE organization_id = $1`,
    organizationId,
  );
  return { ...UNSET_GENERAL, supportTeamAccess: org?.support_team_access ?? false, supportAccessExpireTime: null };
}

/** New workspaces' rows as `workspaceSelect` reads them, with their creator (one statement for all). */
const READ_BACK = `SELECT ${workspaceSqlColumns("u")} FROM workspaces w LEFT JOIN users u ON u.id = w.creator_id WHERE w.id = ANY($1::text[])`;

type ReadBackRow = Omit<WorkspaceRow, "creator"> & { creatorDisplayName: string | null; creatorEmail: string | null };

/**
 * Inserts workspaces inside the caller's transaction, set-based: one statement per table
 * whatever their number (workspaces, preferences, copied roles, members; each sends its rows as
 * one JSON parameter, lib/domain/insert-rows), then one read of the rows. Plain SQL (`SqlTx`), so
 * it runs in Prisma's transactions and in raw ones alike. For each, the creator becomes its workspace admin (keeping any roles `members` gives them
 * too), custom roles are copied under new ids, and member role ids are remapped to the copies.
 * Writes no audit entry: the operation does. Returns the rows in the order of `seeds`.
 */
export async function insertWorkspaces(tx: SqlTx, ctx: RequestContext, organizationId: string, seeds: NewWorkspace[]): Promise<WorkspaceRow[]> {
  if (seeds.length === 0) return [];
  const defaults = seeds.some((s) => !s.preferences) ? await organizationDefaults(tx, organizationId) : undefined;
  const creatorId = ctx.caller.userId;
  const workspaces: { id: string; organizationId: string; title: string; activeTitleKey: string; description: string; icon: string; iconColor: string; dataPolicy: unknown; domain: string; creatorId: string }[] = [];
  const preferences: ({ workspaceId: string } & PreferencesSeed)[] = [];
  const roles: (Omit<RoleSeed, "id"> & { id: string; workspaceId: string })[] = [];
  const members: { workspaceId: string; userId: string; roles: string[] }[] = [];
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
  await insertRows(
    tx,
    "workspace_preferences",
    {
      workspace_id: "text",
      support_team_access: "boolean",
      support_access_expire_time: "timestamptz",
      time_zone: "text",
      time_format: "text",
      date_format: "text",
      decimal_symbol: "text",
      decimal_places: "integer",
      measurement_system: "text",
    },
    preferences.map((p) => ({
      workspace_id: p.workspaceId,
      support_team_access: p.supportTeamAccess,
      support_access_expire_time: p.supportAccessExpireTime,
      time_zone: p.timeZone,
      time_format: p.timeFormat,
      date_format: p.dateFormat,
      decimal_symbol: p.decimalSymbol,
      decimal_places: p.decimalPlaces,
      measurement_system: p.measurementSystem,
    })),
    { update_time: "now()" },
  );
  await insertRows(
    tx,
    "roles",
    { id: "text", workspace_id: "text", title: "text", title_key: "text", description: "text", permissions: "text[]" },
    roles.map((r) => ({ id: r.id, workspace_id: r.workspaceId, title: r.title, title_key: r.titleKey, description: r.description, permissions: r.permissions })),
    { update_time: "now()" },
  );
  await insertRows(
    tx,
    "workspace_members",
    { workspace_id: "text", user_id: "text", roles: "text[]" },
    members.map((m) => ({ workspace_id: m.workspaceId, user_id: m.userId, roles: m.roles })),
    { update_time: "now()" },
  );
  const rows = await tx.$queryRawUnsafe<ReadBackRow[]>(READ_BACK, workspaces.map((w) => w.id));
  const byId = new Map(
    rows.map(({ creatorDisplayName, creatorEmail, ...row }): [string, WorkspaceRow] => [row.id, { ...row, creator: creatorOfColumns({ creatorDisplayName, creatorEmail }) }]),
  );
  return workspaces.map((w) => byId.get(w.id)!);
}

/** One workspace: `insertWorkspaces` with one seed. */
export async function insertWorkspace(tx: SqlTx, ctx: RequestContext, organizationId: string, seed: NewWorkspace): Promise<WorkspaceRow> {
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
