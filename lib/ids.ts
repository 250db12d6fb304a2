// Opaque, unguessable, URL-safe ids: a readable prefix and 24 base62 characters (~143 bits).

import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Random bytes come from the CSPRNG a block at a time and each byte is handed out once: one call
// per 4 KiB instead of one per id or token (a batchCreate of 1,000 invitations made ~3,200 calls,
// ~10 ms of its CPU). The bytes are as unpredictable as those of a call each.
const POOL = Buffer.alloc(4096);
let used = POOL.length;

/** The next unused random byte; spent bytes are wiped, so the pool never holds one handed out. */
function randomByte(): number {
  if (used === POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const byte = POOL[used];
  POOL[used++] = 0;
  return byte;
}

/** `n` fresh random bytes. */
export function randomBytesPooled(n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) out[i] = randomByte();
  return out;
}

export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    // Rejection sampling keeps every character equally likely (248 = 4 × 62).
    const byte = randomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
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
