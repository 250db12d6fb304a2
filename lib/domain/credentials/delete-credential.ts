import "server-only";
import { db } from "../../db";
import { looksLikeId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { credentialNotFound, credentialResource, inWorkspace } from "./credential-output";

/** DELETE …/oauth-credentials/{credential_id} (`delete:Credential`): gone for good, sealed bytes included. */
export async function deleteCredential(ctx: RequestContext, access: WorkspaceAccess, credentialId: string): Promise<void> {
  if (!looksLikeId(credentialId, "cred")) throw credentialNotFound(access, credentialId);
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const row = await tx.oAuthCredential.findFirst({ where: inWorkspace(access, credentialId), select: { name: true, actorType: true } });
    // Scoped again in the delete itself: nothing of another workspace can be removed by id alone.
    const { count } = row ? await tx.oAuthCredential.deleteMany({ where: inWorkspace(access, credentialId) }) : { count: 0 };
    if (!row || count === 0) throw credentialNotFound(access, credentialId);
    await writeAuditEntry(tx, ctx, {
      organizationId: access.organizationId,
      workspaceId: access.workspaceId,
      action: "credential.delete",
      resource: credentialResource(access, credentialId),
      changes: { before: { name: row.name, actor_type: row.actorType } },
    });
  });
}
