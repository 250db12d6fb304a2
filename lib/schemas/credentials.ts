// OAuth credential schemas (API.md §8, Aitronos "Set OAuth credentials"). Client-safe: the
// console's credential form validates with these too.

import { z } from "zod";
import { ignoredOutputFields, trimmedText } from "./common";
import { CREDENTIAL_ACTOR_TYPES } from "./values";

export { CREDENTIAL_ACTOR_TYPES };

export const MAX_CONFIGURATION_CHARS = 16 * 1024;

// Printable text only: no control characters (C0, DEL, C1) and no bidirectional overrides.
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

const printable = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must be at most ${max} characters` })
    .regex(PRINTABLE, { message: `${field} must not contain control or bidirectional-override characters` });

export const CredentialConfigurationInput = z
  .object({
    client_id: printable("client_id", 512),
    client_secret: printable("client_secret", 4096),
  })
  // Further fields (token_url, scopes, …) are kept as sent; names like *secret*, *token*,
  // *password* or *key* are treated as secrets too and masked in every answer.
  .catchall(z.json())
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!/^[A-Za-z0-9_.-]{1,128}$/.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "field names must be 1–128 letters, digits, '_', '.' or '-'" });
      }
    }
    if (JSON.stringify(value).length > MAX_CONFIGURATION_CHARS) {
      ctx.addIssue({ code: "custom", message: `configuration must be at most ${MAX_CONFIGURATION_CHARS} characters of JSON` });
    }
  });
export type CredentialConfigurationInput = z.output<typeof CredentialConfigurationInput>;

const CREDENTIAL_OUTPUT_ONLY = ["credential_id", "create_time", "update_time"] as const;

export const CredentialCreateInput = z.strictObject({
  actor_type: z
    .string({ error: "actor_type must be a string" })
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, { message: "actor_type must be 1–64 letters, digits, '_', '.' or '-', starting with a letter" }),
  name: trimmedText("name", 1, 128).refine((s) => PRINTABLE.test(s), { message: "name must not contain control or bidirectional-override characters" }),
  configuration: CredentialConfigurationInput,
  ...ignoredOutputFields(CREDENTIAL_OUTPUT_ONLY),
});
export type CredentialCreateInput = z.output<typeof CredentialCreateInput>;

/** POST …/oauth-credentials/{credential_id}:rotate — a whole new configuration, same id. */
export const CredentialRotateInput = z.strictObject({
  configuration: CredentialConfigurationInput,
});
export type CredentialRotateInput = z.output<typeof CredentialRotateInput>;

export const CredentialOutput = z.object({
  credential_id: z.string(),
  /** The credential's name as Aitronos defines it (not an AIP resource name). */
  name: z.string(),
  actor_type: z.string(),
  /** Secret values masked: `"********"` plus at most their last 4 characters. */
  configuration: z.record(z.string(), z.json()),
  create_time: z.string(),
  update_time: z.string(),
});
export type CredentialOutput = z.infer<typeof CredentialOutput>;

export const ListCredentialsOutput = z.object({
  oauth_credentials: z.array(CredentialOutput),
  next_page_token: z.string(),
});
export type ListCredentialsOutput = z.infer<typeof ListCredentialsOutput>;
