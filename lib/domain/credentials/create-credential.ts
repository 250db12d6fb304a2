import "server-only";
import { db } from "../../db";
import { newId } from "../../ids";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { CredentialCreateInput, CredentialOutput } from "../../schemas/credentials";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { credentialResource, credentialSelect, sealingKeyRing, toCredentialOutput } from "./credential-output";
import { maskConfiguration } from "./mask";
import { seal } from "./sealing";

function nameTaken(name: string): ApiError {
  return new ApiError("ALREADY_EXISTS", `The workspace already has an OAuth credential named '${name}'.`, {
    reason: "CREDENTIAL_NAME_TAKEN",
    fieldViolations: [{ field: "name", description: "already used by another credential of this workspace" }],
  });
}

/**
 * POST …/workspaces/{ws}/oauth-credentials (`create:Credential`). The configuration is sealed
 * here and only its masked copy is stored beside it or written to the audit log.
 */
export async function createCredential(ctx: RequestContext, access: WorkspaceAccess, input: CredentialCreateInput): Promise<CredentialOutput> {
  const ring = sealingKeyRing();
  const id = newId("cred");
  const { keyId, sealed } = seal(ring, input.configuration, { workspaceId: access.workspaceId, credentialId: id });
  const masked = maskConfiguration(input.configuration) as object;
  const prisma = await db();
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.oAuthCredential.create({
        data: {
          id,
          organizationId: access.organizationId,
          workspaceId: access.workspaceId,
          name: input.name,
          actorType: input.actor_type,
          configEncrypted: sealed,
          keyId,
          configMasked: masked,
        },
        select: credentialSelect,
      });
      await writeAuditEntry(tx, ctx, {
        organizationId: access.organizationId,
        workspaceId: access.workspaceId,
        action: "credential.create",
        resource: credentialResource(access, id),
        changes: { after: { name: input.name, actor_type: input.actor_type, configuration: masked } },
      });
      return created;
    });
    return toCredentialOutput(row);
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw nameTaken(input.name);
    throw e;
  }
}
