// Personal access tokens: `wsa_pat_` + 32 random base62 characters (~190 bits) + 6 base62
// characters of a CRC32 over the rest. The prefix makes a leaked token recognisable (secret
// scanners can match `wsa_pat_[0-9A-Za-z]{38}`); the checksum lets a mistyped or made-up token be
// refused before any database lookup. Only a SHA-256 of the token is stored (a fast hash suffices
// for a random secret of that size); the plaintext is returned once, at creation.
//
// Tokens minted before this format (`wsa_` + 40 base62 characters, no checksum) are still
// accepted: they carry no checksum, so they are looked up as before, and they keep working until
// revoked or expired. Anything else is refused without a lookup.

import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { randomBase62 } from "../ids";

export const TOKEN_PREFIX = "wsa_pat_";
const RANDOM_CHARS = 32;
const CHECKSUM_CHARS = 6;
/** Characters shown in lists: the product prefix and the first four random characters. */
const DISPLAY_PREFIX_CHARS = TOKEN_PREFIX.length + 4;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CURRENT_FORMAT = /^wsa_pat_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;
const LEGACY_FORMAT = /^wsa_[0-9A-Za-z]{40}$/;

/** CRC32 of `body` as 6 base62 digits (62^6 > 2^32), zero-padded. */
function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_CHARS; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateToken(): { token: string; prefix: string; hash: string } {
  const body = `${TOKEN_PREFIX}${randomBase62(RANDOM_CHARS)}`;
  const token = `${body}${checksum(body)}`;
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_CHARS), hash: hashToken(token) };
}

export type TokenFormat = "current" | "legacy";

/**
 * The token's format if it is well formed (a current token with a matching checksum, or a
 * legacy one), else undefined. Pure: callers refuse undefined without touching the database.
 */
export function tokenFormat(token: string): TokenFormat | undefined {
  const m = CURRENT_FORMAT.exec(token);
  if (m) return checksum(`${TOKEN_PREFIX}${m[1]}`) === m[2] ? "current" : undefined;
  return LEGACY_FORMAT.test(token) ? "legacy" : undefined;
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
