import { ApiError } from "../../api/errors";
import { versionEtag } from "../../api/etag";
import type { BuiltInRole } from "../../auth/permissions";
import type { RoleOutput } from "../../schemas/roles";

export const roleName = (parent: string, roleId: string) => `${parent}/roles/${roleId}`;

// Built-in roles never change: one constant version, so clients can treat every role alike.
const BUILT_IN_VERSION = 1;

export function builtInRoleOutput(parent: string, role: BuiltInRole): RoleOutput {
  return {
    name: roleName(parent, role.id),
    role_id: role.id,
    title: role.title,
    description: role.description,
    permissions: [...role.permissions],
    role_scope: role.scope,
    built_in: true,
    etag: versionEtag(BUILT_IN_VERSION),
  };
}

export const customRoleSelect = {
  id: true,
  title: true,
  description: true,
  permissions: true,
  version: true,
  createdAt: true,
} as const;

export interface CustomRoleRow {
  id: string;
  title: string;
  description: string;
  permissions: string[];
  version: number;
  createdAt: Date;
}

export function customRoleOutput(parent: string, row: CustomRoleRow): RoleOutput {
  return {
    name: roleName(parent, row.id),
    role_id: row.id,
    title: row.title,
    description: row.description,
    permissions: row.permissions,
    role_scope: "ROLE_SCOPE_WORKSPACE",
    built_in: false,
    etag: versionEtag(row.version),
  };
}

export function roleNotFound(parent: string, roleId: string): ApiError {
  return new ApiError("NOT_FOUND", `Role ${roleName(parent, roleId)} was not found.`, {
    reason: "ROLE_NOT_FOUND",
    metadata: { role_id: roleId },
  });
}

export function builtInImmutable(parent: string, roleId: string): ApiError {
  return new ApiError("FAILED_PRECONDITION", `Role ${roleName(parent, roleId)} is built in and cannot be changed or deleted.`, {
    reason: "BUILT_IN_ROLE",
    metadata: { role_id: roleId },
  });
}

/**
 * Role lists run built-ins first (in table order), then custom roles by (create_time, id), paged
 * by the one keyset engine: a built-in role sorts as if created at the epoch plus its position, so
 * every custom role comes after every built-in and a cursor on either kind is one (time, id) pair.
 */
export const roleListSpec = {
  order: { create_time: { path: "createdAt", kind: "date" as const } },
  defaultOrder: "create_time",
  idPath: "id",
};

export interface RoleListEntry {
  output: RoleOutput;
  createdAt: Date;
  id: string;
}

/** The built-in roles as list entries, each at its virtual creation time. */
export function builtInEntries(parent: string, roles: readonly BuiltInRole[]): RoleListEntry[] {
  return roles.map((r, i) => ({ output: builtInRoleOutput(parent, r), createdAt: new Date(i), id: r.id }));
}

/** The entries after the cursor `after` = [createdAt, id] (ascending), for in-memory lists. */
export function entriesAfter(entries: readonly RoleListEntry[], after: unknown[] | undefined): RoleListEntry[] {
  if (!after) return [...entries];
  const [time, id] = after as [Date, string];
  return entries.filter((e) => e.createdAt.getTime() > time.getTime() || (e.createdAt.getTime() === time.getTime() && e.id > id));
}
