import "server-only";
import type { WorkspaceAccess } from "../../auth/authorize";
import { ApiError, notFound } from "../../api/errors";
import type { Prisma } from "../../generated/prisma/client";
import type { CredentialOutput } from "../../schemas/credentials";
import { keyRingFromEnv, type KeyRing } from "./sealing";

/** Never the sealed configuration: answers are built from the masked copy only. */
export const credentialSelect = {
  id: true,
  name: true,
  actorType: true,
  configMasked: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.OAuthCredentialSelect;

type CredentialRow = Prisma.OAuthCredentialGetPayload<{ select: typeof credentialSelect }>;

export function toCredentialOutput(row: CredentialRow): CredentialOutput {
  return {
    credential_id: row.id,
    name: row.name,
    actor_type: row.actorType,
    configuration: row.configMasked as CredentialOutput["configuration"],
    create_time: row.createdAt.toISOString(),
    update_time: row.updatedAt.toISOString(),
  };
}

export const credentialResource = (access: WorkspaceAccess, credentialId: string) =>
  `organizations/${access.organizationId}/workspaces/${access.workspaceId}/oauth-credentials/${credentialId}`;

export function credentialNotFound(access: WorkspaceAccess, credentialId: string): ApiError {
  return notFound("OAuthCredential", credentialResource(access, credentialId), { credential_id: credentialId });
}

/** Tenant scope of every credential query: the row must be of this workspace of this organization. */
export const inWorkspace = (access: WorkspaceAccess, credentialId: string) => ({
  id: credentialId,
  workspaceId: access.workspaceId,
  organizationId: access.organizationId,
});

/** The key ring, refusing a change the server cannot seal (no CREDENTIALS_KEY). */
export function sealingKeyRing(): KeyRing {
  const ring = keyRingFromEnv();
  if (!ring.current) {
    throw new ApiError("FAILED_PRECONDITION", "OAuth credentials cannot be stored: the server has no CREDENTIALS_KEY configured.", {
      reason: "CREDENTIALS_KEY_MISSING",
    });
  }
  return ring;
}
