// Server-side secrets derived from one root secret, so each purpose gets its own key.

import { createHash, randomBytes } from "node:crypto";

let generated: string | undefined;

function rootSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  if (process.env.NODE_ENV === "production" && process.env.WSA_ALLOW_EPHEMERAL_SECRET !== "1") {
    // scripts/start.mjs always provides one; a bare `next start` without it would sign
    // sessions and page tokens with a key nobody can rotate or share between instances.
    throw new Error("NEXTAUTH_SECRET must be set in production");
  }
  generated ??= randomBytes(32).toString("base64url");
  return generated;
}

// Derived once per purpose and root secret: a page token's HMAC asked for its key on every list page.
const derived = new Map<string, { root: string; key: Buffer }>();

/** A 32-byte key for one purpose (`page-token`, `credentials`, …), derived from NEXTAUTH_SECRET. */
export function serverSecret(purpose: string): Buffer {
  const root = rootSecret();
  const known = derived.get(purpose);
  if (known?.root === root) return known.key;
  const key = createHash("sha256").update(`${purpose}\u0000${root}`).digest();
  derived.set(purpose, { root, key });
  return key;
}
