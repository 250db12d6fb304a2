"use server";

import type { ActionOutcome } from "@/lib/console/action-result";
import { perform } from "@/lib/operations/act";
import { CreateOAuthCredential, DeleteOAuthCredential, RotateOAuthCredential } from "@/lib/operations/credentials";
import type { CredentialOutput } from "@/lib/schemas/credentials";

const target = (org: string, ws: string) => ({ organization_id: org, workspace_id: ws });

/** CreateOAuthCredential from the Credentials tab. */
export async function createCredentialAction(org: string, ws: string, input: unknown): Promise<ActionOutcome<CredentialOutput>> {
  return perform(CreateOAuthCredential, target(org, ws), { body: input });
}

/** RotateOAuthCredential: a whole new configuration under the same id. */
export async function rotateCredentialAction(org: string, ws: string, credentialId: string, input: unknown): Promise<ActionOutcome<CredentialOutput>> {
  return perform(RotateOAuthCredential, { ...target(org, ws), credential_id: credentialId }, { body: input });
}

/** DeleteOAuthCredential. */
export async function deleteCredentialAction(org: string, ws: string, credentialId: string): Promise<ActionOutcome<null>> {
  return perform(DeleteOAuthCredential, { ...target(org, ws), credential_id: credentialId });
}
