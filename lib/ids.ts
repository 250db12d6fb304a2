// Opaque, unguessable, URL-safe ids: a readable prefix and 24 base62 characters (~143 bits).

import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes come from the CSPRNG a block at a time and each byte is handed out once: one call
// per 4 KiB instead of one per id or token (a batchCreate of 1,000 invitations made ~3,200 calls,
// ~10 ms of its CPU). The bytes are as unpredictable as those of a call each.
const POOL = Buffer.alloc(4096);
let used = POOL.length;

/** `n` fresh random bytes (a copy: later draws never touch them). */
export function randomBytesPooled(n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  let filled = 0;
  while (filled < n) {
    if (used === POOL.length) {
      randomFillSync(POOL);
      used = 0;
    }
    const take = Math.min(n - filled, POOL.length - used);
    POOL.copy(out, filled, used, used + take);
    // Spent bytes are wiped, so the pool never holds a byte that was handed out.
    POOL.fill(0, used, used + take);
    used += take;
    filled += take;
  }
  return out;
}

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    // Rejection sampling keeps every character equally likely (248 = 4 × 62).
    for (const byte of randomBytesPooled(length * 2)) {
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
