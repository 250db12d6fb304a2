// Opaque, unguessable, URL-safe ids: a readable prefix and 24 base62 characters (~143 bits).

import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    // Rejection sampling keeps every character equally likely (248 = 4 × 62).
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export type IdPrefix = "org" | "ws" | "usr" | "role" | "inv" | "pat" | "cred" | "aud" | "mail" | "atk";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(24)}`;
}

/** Ids in paths are checked for shape before any query, so junk never reaches the database. */
export function looksLikeId(value: string, prefix: IdPrefix): boolean {
  return new RegExp(`^${prefix}_[0-9A-Za-z]{20,64}$`).test(value);
}
