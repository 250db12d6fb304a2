// Personal access tokens: `wsa_` + 40 base62 characters (~238 bits). Only a SHA-256 of the
// token is stored (a fast hash suffices for a random secret of that size); the plaintext is
// returned once, at creation.

import { createHash } from "node:crypto";
import { randomBase62 } from "../ids";

export const TOKEN_PREFIX = "wsa_";

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBase62(40)}`;
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Reads `Authorization: Bearer <t>` or `Authorization: AccessKey <t>`. */
export function tokenFromHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const m = /^(Bearer|AccessKey)\s+(\S+)\s*$/i.exec(header.trim());
  return m ? m[2] : undefined;
}
