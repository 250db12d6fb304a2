// The current user (API.md §2). Client-safe: no server imports.

import { z } from "zod";
import { emailSchema, trimmedText } from "./common";
import { text } from "./text";

export const MeOutput = z.object({
  name: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  email: z.string(),
  create_time: z.string(),
});
export type MeOutput = z.infer<typeof MeOutput>;

/** Password length limits (UTF-16 units, as zod counts), shown by the forms and enforced by the API. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export const passwordSchema = text("password")
  .min(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` });

/** A new account: what sign-up, the operator CLI and the seed send. */
export const UserCreateInput = z.strictObject({
  email: emailSchema,
  display_name: trimmedText("display_name", 1, 256),
  password: passwordSchema,
});
export type UserCreateInput = z.input<typeof UserCreateInput>;

/** "Forgot password?": the address a reset link is mailed to (if it has an account). */
export const PasswordResetRequestInput = z.strictObject({ email: emailSchema });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestInput>;

/** A new password set through a mailed link; the link's token is the credential. */
export const PasswordResetInput = z.strictObject({
  token: z.string({ error: "token must be a string" }).trim().min(1, { message: "token is required" }).max(512),
  password: passwordSchema,
});
export type PasswordResetInput = z.input<typeof PasswordResetInput>;

/**
 * Sign-in (next-auth credentials). The password is only bounded, not held to today's rules: an
 * account keeps the password it was given. Whatever fails here is answered like a wrong password.
 */
export const SignInInput = z.object({
  email: emailSchema,
  password: z
    .string({ error: "password must be a string" })
    .min(1, { message: "password is required" })
    .max(MAX_PASSWORD_LENGTH, { message: `password must be at most ${MAX_PASSWORD_LENGTH} characters` }),
});
export type SignInInput = z.input<typeof SignInInput>;
