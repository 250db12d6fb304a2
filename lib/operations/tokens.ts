// Personal access token operations (API.md §2, /me/tokens): the signed-in user's own tokens.
// They are user-scoped: no organization in the path, so `authorize` has nothing to check here;
// the domain functions call `authorizeAccount`, which holds a token to its limits (no minting,
// READ_ONLY changes nothing, a workspace-limited token manages no tokens).

import "server-only";
import { createToken } from "../domain/tokens/create-token";
import { getToken } from "../domain/tokens/get-token";
import { listTokens } from "../domain/tokens/list-tokens";
import { revokeToken } from "../domain/tokens/revoke-token";
import { updateToken } from "../domain/tokens/update-token";
import { ListQuery, UpdateMaskQuery } from "../schemas/common";
import { CreatedTokenOutput, ListTokensOutput, TOKEN_UPDATE_MASK, TokenCreateInput, TokenOutput, TokenUpdateInput } from "../schemas/tokens";
import { operation } from "./operation";

const tag = "Access tokens";
const TOKENS = "/me/tokens";

export const ListAccessTokens = operation({
  id: "ListAccessTokens",
  method: "GET",
  path: TOKENS,
  tag,
  summary: "The caller's personal access tokens, newest first (never the secret)",
  description: "A caller using a token limited to one organization sees only that organization's tokens. Revoked tokens are not listed.",
  scope: "user",
  permission: "authenticated",
  query: ListQuery.pick({ page_size: true, page_token: true, filter: true }),
  response: ListTokensOutput,
  errors: ["INVALID_ARGUMENT"],
  run: (ctx, _access, { query }) => listTokens(ctx, query),
});

export const CreateAccessToken = operation({
  id: "CreateAccessToken",
  method: "POST",
  path: TOKENS,
  tag,
  summary: "Create a personal access token; the answer holds the token, shown this once",
  description:
    "Format: `wsa_pat_` + 32 random base62 characters + a 6-character CRC32 checksum. Limited to one organization, optionally to some " +
    "of its workspaces, FULL or READ_ONLY. Only a signed-in user can create one (an access token cannot mint another).",
  scope: "user",
  permission: "authenticated",
  body: TokenCreateInput,
  response: CreatedTokenOutput,
  status: 201,
  location: (t) => `me/tokens/${t.token_id}`,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  example: { display_name: "CI deploys", organization_id: "org_0123456789abcdefghijkl", access: "READ_ONLY", expire_time: "2027-03-01T00:00:00Z" },
  run: (ctx, _access, { body }) => createToken(ctx, body),
});

export const GetAccessToken = operation({
  id: "GetAccessToken",
  method: "GET",
  path: `${TOKENS}/{token_id}`,
  tag,
  summary: "One of the caller's personal access tokens (never the secret)",
  scope: "user",
  permission: "authenticated",
  response: TokenOutput,
  errors: ["NOT_FOUND"],
  run: (ctx, _access, { params }) => getToken(ctx, params.token_id),
});

export const UpdateAccessToken = operation({
  id: "UpdateAccessToken",
  method: "PATCH",
  path: `${TOKENS}/{token_id}`,
  tag,
  summary: "Rename a personal access token (scope, access and expiry are fixed at creation)",
  scope: "user",
  permission: "authenticated",
  query: UpdateMaskQuery.pick({ update_mask: true }),
  body: TokenUpdateInput,
  updateMask: TOKEN_UPDATE_MASK,
  response: TokenOutput,
  errors: ["INVALID_ARGUMENT", "NOT_FOUND", "PERMISSION_DENIED"],
  example: { display_name: "CI deploys (staging)" },
  run: (ctx, _access, { params, body, paths }) => updateToken(ctx, params.token_id, body, paths),
});

export const RevokeAccessToken = operation({
  id: "RevokeAccessToken",
  method: "DELETE",
  path: `${TOKENS}/{token_id}`,
  tag,
  summary: "Revoke a personal access token: refused from the next request on, by every server instance",
  scope: "user",
  permission: "authenticated",
  response: null,
  errors: ["NOT_FOUND", "PERMISSION_DENIED"],
  run: async (ctx, _access, { params }) => {
    await revokeToken(ctx, params.token_id);
    return null;
  },
});

export const TOKEN_OPERATIONS = [ListAccessTokens, CreateAccessToken, GetAccessToken, UpdateAccessToken, RevokeAccessToken];
