import "server-only";
import { db } from "../../db";
import { looksLikeId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { WorkspaceAccess } from "../../auth/authorize";
import type { CredentialOutput } from "../../schemas/credentials";
import { credentialNotFound, credentialSelect, inWorkspace, toCredentialOutput } from "./credential-output";

/** GET …/oauth-credentials/{credential_id} (`read:Credential`): the masked configuration only. */
export async function getCredential(_ctx: RequestContext, access: WorkspaceAccess, credentialId: string): Promise<CredentialOutput> {
  if (!looksLikeId(credentialId, "cred")) throw credentialNotFound(access, credentialId);
  const prisma = await db();
  const row = await prisma.oAuthCredential.findFirst({ where: inWorkspace(access, credentialId), select: credentialSelect });
  if (!row) throw credentialNotFound(access, credentialId);
  return toCredentialOutput(row);
}
