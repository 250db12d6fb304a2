import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import { parseWith } from "../../api/http";
import type { RequestContext } from "../../auth/context";
import { generateToken } from "../../auth/tokens";
import { trimmedText } from "../../schemas/common";
import { text } from "../../schemas/text";
import { writeAuditEntry } from "../audit/write-audit-entry";

export const TokenCreateInput = z.strictObject({
  display_name: trimmedText("display_name", 1, 128),
  /** Omitted: the token works in every organization of the user (what the operator CLI makes). */
  organization_id: text("organization_id").min(1).optional(),
  expire_time: z.iso.datetime({ offset: true, message: "expire_time must be an RFC 3339 timestamp" }).optional(),
  workspace_ids: z.array(text("workspace id")).max(1000).optional().default([]),
  access: z.enum(["FULL", "READ_ONLY"]).optional().default("FULL"),
});
export type TokenCreateInput = z.input<typeof TokenCreateInput>;

/**
 * Creates a personal access token for the caller in one of their organizations.
 * The plaintext token is in the result once and is never stored.
 */
export async function createToken(ctx: RequestContext, raw: TokenCreateInput) {
  const input = parseWith(TokenCreateInput, raw);
  if (ctx.caller.token) {
    throw new ApiError("PERMISSION_DENIED", "Access tokens cannot create other access tokens; sign in to the console.", {
      reason: "TOKEN_CANNOT_MINT",
    });
  }
  const expireTime = input.expire_time ? new Date(input.expire_time) : null;
  if (expireTime && expireTime <= new Date()) {
    throw new ApiError("INVALID_ARGUMENT", "expire_time must be in the future.", {
      fieldViolations: [{ field: "expire_time", description: "must be in the future" }],
    });
  }
  const prisma = await db();
  const orgId = input.organization_id ?? null;
  if (orgId) {
    const member = await prisma.organizationMember.findUnique({
      where: { organizationId_userId: { organizationId: orgId, userId: ctx.caller.userId } },
    });
    if (!member) {
      throw new ApiError("NOT_FOUND", `Organization organizations/${orgId} was not found.`, { reason: "ORGANIZATION_NOT_FOUND" });
    }
  } else if (input.workspace_ids.length) {
    throw new ApiError("INVALID_ARGUMENT", "workspace_ids need an organization_id.", {
      fieldViolations: [{ field: "organization_id", description: "required when workspace_ids is set" }],
    });
  }
  if (orgId && input.workspace_ids.length) {
    const found = await prisma.workspace.count({ where: { organizationId: orgId, id: { in: input.workspace_ids }, deleteTime: null } });
    if (found !== new Set(input.workspace_ids).size) {
      throw new ApiError("NOT_FOUND", "One or more workspace_ids were not found in the organization.", { reason: "WORKSPACE_NOT_FOUND" });
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
        workspaceIds: [...new Set(input.workspace_ids)],
        expireTime,
      },
    });
    if (orgId) {
      await writeAuditEntry(tx, ctx, {
        organizationId: orgId,
        action: "token.create",
        resource: `users/${ctx.caller.userId}/tokens/${id}`,
        changes: { after: { display_name: input.display_name, access: input.access, workspace_ids: input.workspace_ids } },
      });
    }
    return created;
  });
  return {
    token_id: row.id,
    display_name: row.displayName,
    prefix: row.prefix,
    access: row.access,
    organization_id: row.organizationId,
    workspace_ids: row.workspaceIds,
    create_time: row.createdAt.toISOString(),
    expire_time: row.expireTime?.toISOString() ?? null,
    token,
  };
}
