import "server-only";
import { BUILT_IN_ROLES } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { Db, Tx } from "../../prisma-client";
import type { RoleResolver } from "./user-list";

/** The key a role title is unique and matched by: trimmed and lower-cased. */
export const roleTitleKey = (title: string) => title.trim().toLowerCase();

/**
 * Resolves `role = "…"` values to role ids: built-in roles by id or title, and (with a
 * workspace) that workspace's custom roles by id or title, all case-insensitively.
 */
export function roleResolver(client: Db | Tx, workspaceId?: string): RoleResolver {
  return async (values) => {
    const keys = values.map(roleTitleKey);
    const custom = workspaceId
      ? await client.$queryRaw<{ id: string; title_key: string }[]>(Prisma.sql`
          SELECT id, title_key FROM roles
          WHERE workspace_id = ${workspaceId} AND (title_key = ANY(${keys}::text[]) OR lower(id) = ANY(${keys}::text[]))`)
      : [];
    const out = new Map<string, string[]>();
    values.forEach((value, i) => {
      const key = keys[i];
      const ids = [
        ...BUILT_IN_ROLES.filter((r) => r.id === key || r.title.toLowerCase() === key).map((r) => r.id),
        ...custom.filter((r) => r.title_key === key || r.id.toLowerCase() === key).map((r) => r.id),
      ];
      out.set(value, ids);
    });
    return out;
  };
}
