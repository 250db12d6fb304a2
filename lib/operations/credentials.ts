// OAuth credential operations (API.md §8, Aitronos "Set OAuth credentials"): a workspace's
// OAuth client configurations, sealed at rest, answered with their secrets masked.

import "server-only";
import { createCredential } from "../domain/credentials/create-credential";
import { deleteCredential } from "../domain/credentials/delete-credential";
import { getCredential } from "../domain/credentials/get-credential";
import { listCredentials } from "../domain/credentials/list-credentials";
import { rotateCredential } from "../domain/credentials/rotate-credential";
import { ListQuery } from "../schemas/common";
import { CredentialCreateInput, CredentialOutput, CredentialRotateInput, ListCredentialsOutput } from "../schemas/credentials";
import { operation } from "./operation";

const tag = "OAuth credentials";
const CREDENTIALS = "/organizations/{organization_id}/workspaces/{workspace_id}/oauth-credentials";
const MASKED = 'Secret values come back as "********" plus at most their last 4 characters; no answer ever holds one.';

export const ListOAuthCredentials = operation({
  id: "ListOAuthCredentials",
  method: "GET",
  path: CREDENTIALS,
  tag,
  summary: "The workspace's OAuth credentials, newest first, secrets masked",
  description: MASKED,
  scope: "workspace",
  permission: "read:Credential",
  query: ListQuery,
  response: ListCredentialsOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { query }) => listCredentials(ctx, access, query),
});

export const CreateOAuthCredential = operation({
  id: "CreateOAuthCredential",
  method: "POST",
  path: CREDENTIALS,
  tag,
  summary: "Set OAuth credentials on the workspace",
  description: `The configuration is sealed with AES-256-GCM under the server's CREDENTIALS_KEY. ${MASKED}`,
  scope: "workspace",
  permission: "create:Credential",
  body: CredentialCreateInput,
  response: CredentialOutput,
  status: 201,
  location: (c, params) => `organizations/${params.organization_id}/workspaces/${params.workspace_id}/oauth-credentials/${c.credential_id}`,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "ALREADY_EXISTS", "FAILED_PRECONDITION"],
  example: { actor_type: "workspace", name: "salesforce", configuration: { client_id: "3MVG9…", client_secret: "…", token_url: "https://login.salesforce.com/services/oauth2/token" } },
  run: (ctx, access, { body }) => createCredential(ctx, access, body),
});

export const GetOAuthCredential = operation({
  id: "GetOAuthCredential",
  method: "GET",
  path: `${CREDENTIALS}/{credential_id}`,
  tag,
  summary: "One OAuth credential of the workspace, secrets masked",
  description: MASKED,
  scope: "workspace",
  permission: "read:Credential",
  response: CredentialOutput,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: (ctx, access, { params }) => getCredential(ctx, access, params.credential_id),
});

export const DeleteOAuthCredential = operation({
  id: "DeleteOAuthCredential",
  method: "DELETE",
  path: `${CREDENTIALS}/{credential_id}`,
  tag,
  summary: "Delete an OAuth credential (its sealed configuration with it)",
  scope: "workspace",
  permission: "delete:Credential",
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  run: async (ctx, access, { params }) => {
    await deleteCredential(ctx, access, params.credential_id);
    return null;
  },
});

export const RotateOAuthCredential = operation({
  id: "RotateOAuthCredential",
  method: "POST",
  path: `${CREDENTIALS}/{credential_id}:rotate`,
  tag,
  summary: "Replace a credential's configuration, keeping its id",
  description: `Needs create:Credential, as adding one does: it puts new secret material into the workspace. ${MASKED}`,
  scope: "workspace",
  permission: "create:Credential",
  body: CredentialRotateInput,
  response: CredentialOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED", "FAILED_PRECONDITION"],
  example: { configuration: { client_id: "3MVG9…", client_secret: "…" } },
  run: (ctx, access, { params, body }) => rotateCredential(ctx, access, params.credential_id, body),
});

export const CREDENTIAL_OPERATIONS = [ListOAuthCredentials, CreateOAuthCredential, GetOAuthCredential, DeleteOAuthCredential, RotateOAuthCredential];
