import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { WORKSPACE_ADMIN } from "../../auth/permissions";
import type { Tx } from "../../prisma-client";
import { DEFAULT_DATA_POLICY, type WorkspaceCreateInput, type WorkspaceOutput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { toWorkspaceOutput, workspaceName, workspaceSelect } from "./workspace-output";

export function titleTaken(title: string): ApiError {
  return new ApiError("ALREADY_EXISTS", `A workspace titled "${title}" already exists in this organization.`, {
    reason: "WORKSPACE_TITLE_TAKEN",
    metadata: { title },
    fieldViolations: [{ field: "title", description: "already used by another workspace of the organization" }],
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

/**
 * Inserts a workspace with its creator as workspace admin and the organization's default
 * preferences as its starting point. Runs inside the caller's transaction.
 */
export async function insertWorkspace(tx: Tx, ctx: RequestContext, organizationId: string, input: WorkspaceCreateInput) {
  const id = newId("ws");
  const orgPrefs = await tx.organizationPreferences.findUnique({ where: { organizationId } });
  await tx.workspace.create({
    data: {
      id,
      organizationId,
      title: input.title,
      activeTitleKey: input.title.toLowerCase(),
      description: input.description,
      icon: input.workspace_icon,
      iconColor: input.workspace_icon_color,
      dataPolicy: input.data_policy ?? DEFAULT_DATA_POLICY,
      domain: input.configuration?.domain ?? "",
      creatorId: ctx.caller.userId,
      members: { create: { userId: ctx.caller.userId, roles: [WORKSPACE_ADMIN] } },
      preferences: {
        create: {
          supportTeamAccess: orgPrefs?.supportTeamAccess ?? false,
          timeZone: orgPrefs?.timeZone,
          timeFormat: orgPrefs?.timeFormat,
          dateFormat: orgPrefs?.dateFormat,
          decimalSymbol: orgPrefs?.decimalSymbol,
          decimalPlaces: orgPrefs?.decimalPlaces,
          measurementSystem: orgPrefs?.measurementSystem,
        },
      },
    },
  });
  const row = await tx.workspace.findUniqueOrThrow({ where: { id }, select: workspaceSelect });
  await writeAuditEntry(tx, ctx, {
    organizationId,
    workspaceId: id,
    action: "workspace.create",
    resource: workspaceName(organizationId, id),
    changes: { after: toWorkspaceOutput(row) },
  });
  return row;
}

/** POST …/workspaces. The unique index on (organization, lower(title)) among live workspaces decides races. */
export async function createWorkspace(ctx: RequestContext, access: OrgAccess, input: WorkspaceCreateInput): Promise<WorkspaceOutput> {
  const prisma = await db();
  try {
    const row = await prisma.$transaction((tx) => insertWorkspace(tx, ctx, access.organizationId, input));
    return toWorkspaceOutput(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(input.title);
    throw error;
  }
}
