import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess, WorkspaceAccess } from "../../auth/authorize";
import type { WorkspaceCloneInput, WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertWorkspace } from "./create-workspace";
import { loadWorkspaceBlueprint } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

/**
 * POST …/workspaces/{ws}:clone. `source` proves clone:Workspace on the workspace and `org`
 * create:Workspace on its organization (both from authorize). The copy starts ACTIVE with the
 * caller as its admin, whatever state the source is in.
 */
export async function cloneWorkspace(
  ctx: RequestContext,
  source: WorkspaceAccess,
  org: OrgAccess,
  input: WorkspaceCloneInput,
): Promise<WorkspaceOutput> {
  const organizationId = source.organizationId;
  if (org.organizationId !== organizationId) throw new Error("cloneWorkspace: access objects of different organizations");
  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const blueprint = await loadWorkspaceBlueprint(tx, source, { members: input.include_members });
      const created = await insertWorkspace(tx, ctx, organizationId, { title: input.title, ...blueprint });
      await writeAuditEntry(tx, ctx, {
        organizationId,
        workspaceId: created.id,
        action: "workspace.clone",
        resource: workspaceName(organizationId, created.id),
        changes: {
          after: toWorkspaceOutput(created),
          source: workspaceName(organizationId, source.workspaceId),
          include_members: input.include_members,
          copied_roles: blueprint.roles.length,
          copied_members: blueprint.members.length,
        },
      });
      return created;
    });
    return toWorkspaceOutput(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(input.title);
    throw error;
  }
}
