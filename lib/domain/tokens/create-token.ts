import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import { authorize, authorizeAccount } from "../../auth/authorize";
import { generateToken } from "../../auth/tokens";
import type { CreatedTokenOutput, OperatorTokenCreateInput } from "../../schemas/tokens";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { tokenName, tokenSelect, toTokenOutput } from "./token-output";

/**
 * Mints a personal access token for the caller (POST /me/tokens, the CLI's token:create, the demo
 * seed). The plaintext is in the result once; only its SHA-256 is stored. The API always names an
 * organization; the operator CLI may leave it out for a token valid in every organization.
 */
export async function createToken(ctx: RequestContext, input: OperatorTokenCreateInput): Promise<CreatedTokenOutput> {
  authorizeAccount(ctx, "create:AccessToken");
  const now = new Date();
  const expireTime = input.expire_time ? new Date(input.expire_time) : null;
  if (expireTime && expireTime <= now) {
    throw new ApiError("INVALID_ARGUMENT", "expire_time must be in the future.", {
      reason: "INVALID_ARGUMENT",
      fieldViolations: [{ field: "expire_time", description: "must be in the future" }],
    });
  }
  const orgId = input.organization_id ?? null;
  const workspaceIds = [...new Set(input.workspace_ids)];
  if (!orgId && workspaceIds.length) {
    throw new ApiError("INVALID_ARGUMENT", "workspace_ids need an organization_id.", {
      reason: "INVALID_ARGUMENT",
      fieldViolations: [{ field: "organization_id", description: "required when workspace_ids is set" }],
    });
  }
  const prisma = await db();
  if (orgId) {
    // NOT_FOUND for an organization the caller is not in, as everywhere else.
    const org = await authorize(ctx, "read:Organization", { organizationId: orgId });
    if (workspaceIds.length) {
      const visible = await prisma.workspace.count({
        where: {
          organizationId: orgId,
          id: { in: workspaceIds },
          deleteTime: null,
          ...(org.isOrgAdmin ? {} : { members: { some: { userId: ctx.caller.userId } } }),
        },
      });
      if (visible !== workspaceIds.length) {
        throw new ApiError("NOT_FOUND", `One or more workspace_ids were not found in organizations/${orgId}.`, {
          reason: "WORKSPACE_NOT_FOUND",
          metadata: { organization_id: orgId },
        });
      }
    }
  }
  const { token, prefix, hash } = generateToken();
  const id = newId("pat");
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.personalAccessToken.create({
      data: {
        id,
        userId: ctx.caller.userId,
        organizationId: orgId,
        displayName: input.display_name,
        prefix,
        tokenHash: hash,
        access: input.access,
        workspaceIds,
        expireTime,
      },
      select: tokenSelect,
    });
    if (orgId) {
      await writeAuditEntry(tx, ctx, {
        organizationId: orgId,
        action: "token.create",
        resource: tokenName(ctx.caller.userId, id),
        changes: {
          after: { display_name: input.display_name, prefix, access: input.access, workspace_ids: workspaceIds, expire_time: expireTime?.toISOString() ?? null },
        },
      });
    }
    return created;
  });
  return { ...toTokenOutput(row, now), token };
}
