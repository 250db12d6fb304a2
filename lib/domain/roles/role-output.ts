import { ApiError } from "../../api/errors";
import { versionEtag } from "../../api/etag";
import { decodePageToken, encodePageToken, type CursorValue } from "../../api/page-token";
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
 * Role lists run built-ins first (in table order), then custom roles by (create_time, id).
 * The page token's keyset: `["b", builtInId]` or `["c", createTime, id]`.
 */
export type RoleCursor = { kind: "built-in"; id: string } | { kind: "custom"; createdAt: Date; id: string };

function invalidToken(): ApiError {
  return new ApiError("INVALID_ARGUMENT", "Invalid page_token.", {
    reason: "INVALID_PAGE_TOKEN",
    fieldViolations: [{ field: "page_token", description: "not a token issued for this list request" }],
  });
}

export function decodeRoleCursor(token: string, digest: string): RoleCursor {
  const k = decodePageToken(token, digest);
  if (k.length === 2 && k[0] === "b" && typeof k[1] === "string") return { kind: "built-in", id: k[1] };
  if (k.length === 3 && k[0] === "c" && typeof k[1] === "string" && typeof k[2] === "string") {
    const createdAt = new Date(k[1]);
    if (!Number.isNaN(createdAt.getTime())) return { kind: "custom", createdAt, id: k[2] };
  }
  throw invalidToken();
}

export function encodeRoleCursor(cursor: RoleCursor, digest: string): string {
  const keys: CursorValue[] = cursor.kind === "built-in" ? ["b", cursor.id] : ["c", cursor.createdAt.toISOString(), cursor.id];
  return encodePageToken(digest, keys);
}

/** Pages a fixed list of built-in roles by the same keyset (ListOrganizationRoles has no custom roles). */
export function builtInsAfter(roles: readonly BuiltInRole[], cursor: RoleCursor | undefined): readonly BuiltInRole[] {
  if (!cursor) return roles;
  if (cursor.kind === "custom") return [];
  const i = roles.findIndex((r) => r.id === cursor.id);
  if (i < 0) throw invalidToken();
  return roles.slice(i + 1);
}
