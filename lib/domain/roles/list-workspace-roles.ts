import "server-only";
import { db } from "../../db";
import type { WorkspaceAccess } from "../../auth/authorize";
import { planKeyset, prismaAfter, type ListParams } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import { BUILT_IN_WORKSPACE_ROLES } from "../../auth/permissions";
import type { ListRolesOutput } from "../../schemas/roles";
import { workspaceName } from "../members/membership-guard";
import { builtInEntries, customRoleOutput, customRoleSelect, entriesAfter, roleListSpec, type RoleListEntry } from "./role-output";

/** Kognitos ListWorkspaceRoles: the built-in workspace roles first, then the workspace's custom roles. */
export async function listWorkspaceRoles(access: WorkspaceAccess, params: ListParams): Promise<ListRolesOutput> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  const keyset = planKeyset(roleListSpec, { page_size: params.page_size, page_token: params.page_token }, [`${parent}/roles`]);
  const entries: RoleListEntry[] = entriesAfter(builtInEntries(parent, BUILT_IN_WORKSPACE_ROLES), keyset.after);
  const wanted = keyset.pageSize + 1 - entries.length;
  if (wanted > 0) {
    const prisma = await db();
    // A cursor on a built-in role: every custom role comes after it.
    const onCustom = keyset.after !== undefined && (keyset.after[0] as Date).getTime() >= BUILT_IN_WORKSPACE_ROLES.length;
    const after = onCustom ? prismaAfter<Prisma.RoleWhereInput>(keyset) : undefined;
    const rows = await prisma.role.findMany({
      where: after ? { AND: [{ workspaceId: access.workspaceId }, after] } : { workspaceId: access.workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: wanted,
      select: customRoleSelect,
    });
    for (const row of rows) entries.push({ output: customRoleOutput(parent, row), createdAt: row.createdAt, id: row.id });
  }
  const page = keyset.page(entries);
  return { roles: page.items.map((e) => e.output), next_page_token: page.nextPageToken };
}
