import "server-only";
import { db } from "../../db";
import type { WorkspaceAccess } from "../../auth/authorize";
import { parsePageSize, type ListParams } from "../../api/list";
import { queryDigest } from "../../api/page-token";
import { BUILT_IN_WORKSPACE_ROLES } from "../../auth/permissions";
import type { ListRolesOutput, RoleOutput } from "../../schemas/roles";
import { workspaceName } from "../members/membership-guard";
import {
  builtInRoleOutput,
  builtInsAfter,
  customRoleOutput,
  customRoleSelect,
  decodeRoleCursor,
  encodeRoleCursor,
  type RoleCursor,
} from "./role-output";

/** Kognitos ListWorkspaceRoles: the built-in workspace roles first, then the workspace's custom roles. */
export async function listWorkspaceRoles(access: WorkspaceAccess, params: ListParams): Promise<ListRolesOutput> {
  const parent = workspaceName(access.organizationId, access.workspaceId);
  const pageSize = parsePageSize(params.page_size);
  const digest = queryDigest([`${parent}/roles`]);
  const cursor = params.page_token ? decodeRoleCursor(params.page_token, digest) : undefined;

  const entries: { output: RoleOutput; cursor: RoleCursor }[] = builtInsAfter(BUILT_IN_WORKSPACE_ROLES, cursor).map((r) => ({
    output: builtInRoleOutput(parent, r),
    cursor: { kind: "built-in", id: r.id },
  }));
  const wanted = pageSize + 1 - entries.length;
  if (wanted > 0) {
    const prisma = await db();
    const after = cursor?.kind === "custom" ? cursor : undefined;
    const rows = await prisma.role.findMany({
      where: {
        workspaceId: access.workspaceId,
        ...(after
          ? { createdAt: { gte: after.createdAt }, OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: wanted,
      select: customRoleSelect,
    });
    for (const row of rows) entries.push({ output: customRoleOutput(parent, row), cursor: { kind: "custom", createdAt: row.createdAt, id: row.id } });
  }
  const items = entries.slice(0, pageSize);
  const next = entries.length > pageSize ? encodeRoleCursor(items[items.length - 1].cursor, digest) : "";
  return { roles: items.map((e) => e.output), next_page_token: next };
}
