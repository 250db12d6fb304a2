// Personal access token schemas (API.md §2, /me/tokens). Client-safe: the console's token form
// validates with the same objects the API parses with.

import { z } from "zod";
import { ignoredOutputFields, trimmedText } from "./common";

export const TOKEN_ACCESS = ["FULL", "READ_ONLY"] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];

export const MAX_TOKEN_WORKSPACES = 100;

export const TOKEN_OUTPUT_ONLY = [
  "name", "token_id", "prefix", "create_time", "last_use_time", "state", "token",
] as const;

const idField = (field: string, prefix: string) =>
  z
    .string({ error: `${field} must be a string` })
    .regex(new RegExp(`^${prefix}_[0-9A-Za-z]{20,64}$`), { message: `${field} must be an id of the form ${prefix}_…` });

const expireTime = z
  .iso.datetime({ offset: true, message: "expire_time must be an RFC 3339 timestamp" })
  .nullable()
  .optional();

const tokenFields = {
  display_name: trimmedText("display_name", 1, 128),
  expire_time: expireTime,
  workspace_ids: z
    .array(idField("workspace_ids[]", "ws"))
    .max(MAX_TOKEN_WORKSPACES, { message: `workspace_ids may name at most ${MAX_TOKEN_WORKSPACES} workspaces` })
    .optional()
    .default([]),
  access: z.enum(TOKEN_ACCESS, { error: "access must be FULL or READ_ONLY" }).optional().default("FULL"),
  ...ignoredOutputFields(TOKEN_OUTPUT_ONLY),
};

/** POST /me/tokens: a token is always scoped to one organization of the caller. */
export const TokenCreateInput = z.strictObject({
  ...tokenFields,
  organization_id: idField("organization_id", "org"),
});
export type TokenCreateInput = z.output<typeof TokenCreateInput>;

/**
 * The operator CLI (and the demo seed) may also mint a token for every organization of the user
 * by leaving organization_id out; the API never does.
 */
export const OperatorTokenCreateInput = z.strictObject({
  ...tokenFields,
  organization_id: idField("organization_id", "org").optional(),
});
export type OperatorTokenCreateInput = z.output<typeof OperatorTokenCreateInput>;

/** Fixed at creation: a PATCH naming one is INVALID_ARGUMENT ("cannot be updated"), not ignored. */
const TOKEN_IMMUTABLE = ["organization_id", "workspace_ids", "access", "expire_time"] as const;

/** PATCH /me/tokens/{token_id}: only the name changes; scope, access and expiry are fixed at creation. */
export const TokenUpdateInput = z.strictObject({
  display_name: trimmedText("display_name", 1, 128).optional(),
  ...ignoredOutputFields(TOKEN_OUTPUT_ONLY),
  ...ignoredOutputFields(TOKEN_IMMUTABLE),
});
export type TokenUpdateInput = z.output<typeof TokenUpdateInput>;

export const TOKEN_UPDATE_MASK = {
  updatable: ["display_name"],
  outputOnly: TOKEN_OUTPUT_ONLY,
} as const;

export const TokenOutput = z.object({
  name: z.string(),
  token_id: z.string(),
  display_name: z.string(),
  /** The first characters of the token, to tell tokens apart; never enough to use one. */
  prefix: z.string(),
  access: z.enum(TOKEN_ACCESS),
  /** Null: every organization of the user (operator tokens). */
  organization_id: z.string().nullable(),
  /** Empty: every workspace the user can reach in the organization. */
  workspace_ids: z.array(z.string()),
  state: z.enum(["ACTIVE", "EXPIRED"]),
  create_time: z.string(),
  last_use_time: z.string().nullable(),
  expire_time: z.string().nullable(),
});
export type TokenOutput = z.infer<typeof TokenOutput>;

/** The create answer: the resource plus the plaintext token, which no later answer contains. */
export const CreatedTokenOutput = TokenOutput.extend({ token: z.string() });
export type CreatedTokenOutput = z.infer<typeof CreatedTokenOutput>;

export const ListTokensOutput = z.object({
  tokens: z.array(TokenOutput),
  next_page_token: z.string(),
});
export type ListTokensOutput = z.infer<typeof ListTokensOutput>;
