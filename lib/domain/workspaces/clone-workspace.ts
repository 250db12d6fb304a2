import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import { authorize, type WorkspaceAccess } from "../../auth/authorize";
import type { WorkspaceCloneInput, WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertWorkspace } from "./create-workspace";
import { loadWorkspaceBlueprint } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

/**
 * POST …/workspaces/{ws}:clone. `source` proves clone:Workspace on the workspace; the copy is a
 * new workspace, so the caller also needs create:Workspace on the organization. The copy starts
 * ACTIVE with the caller as its admin, whatever state the source is in.
 */
export async function cloneWorkspace(ctx: RequestContext, source: WorkspaceAccess, input: WorkspaceCloneInput): Promise<WorkspaceOutput> {
  const organizationId = source.organizationId;
  await authorize(ctx, "create:Workspace", { organizationId });
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
