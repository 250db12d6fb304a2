import "server-only";
import { db } from "../../db";
import { looksLikeId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { CredentialOutput, CredentialRotateInput } from "../../schemas/credentials";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { credentialNotFound, credentialResource, credentialSelect, inWorkspace, sealingKeyRing, toCredentialOutput } from "./credential-output";
import { maskConfiguration } from "./mask";
import { seal } from "./sealing";

/**
 * POST …/oauth-credentials/{credential_id}:rotate (`create:Credential`: it puts new secret material
 * into the workspace, as adding one does). Replaces the whole configuration, keeps the id, and
 * seals under the newest key.
 */
export async function rotateCredential(
  ctx: RequestContext,
  access: WorkspaceAccess,
  credentialId: string,
  input: CredentialRotateInput,
): Promise<CredentialOutput> {
  if (!looksLikeId(credentialId, "cred")) throw credentialNotFound(access, credentialId);
  const ring = sealingKeyRing();
  const { keyId, sealed } = seal(ring, input.configuration, { workspaceId: access.workspaceId, credentialId });
  const masked = maskConfiguration(input.configuration) as object;
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const before = await tx.oAuthCredential.findFirst({ where: inWorkspace(access, credentialId), select: { configMasked: true } });
    if (!before) throw credentialNotFound(access, credentialId);
    const { count } = await tx.oAuthCredential.updateMany({
      where: inWorkspace(access, credentialId),
      data: { configEncrypted: sealed, keyId, configMasked: masked },
    });
    if (count === 0) throw credentialNotFound(access, credentialId);
    await writeAuditEntry(tx, ctx, {
      organizationId: access.organizationId,
      workspaceId: access.workspaceId,
      action: "credential.rotate",
      resource: credentialResource(access, credentialId),
      changes: { before: { configuration: before.configMasked }, after: { configuration: masked } },
    });
    return tx.oAuthCredential.findFirstOrThrow({ where: inWorkspace(access, credentialId), select: credentialSelect });
  });
  return toCredentialOutput(row);
}
