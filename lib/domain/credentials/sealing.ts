// OAuth credential configurations are sealed with AES-256-GCM before they reach the database.
//
// Keys come from the environment: CREDENTIALS_KEY seals (and opens), CREDENTIALS_KEYS keeps older
// keys readable after a rotation until `npm run cli -- credentials:reseal` has moved every row to
// the newest. Each entry is `id:base64` or just `base64` (32 bytes); a key given without an id is
// named by a fingerprint of its bytes (`k` + 12 hex digits), so the same key always has the same
// id. Every row stores the id of its key. The additional authenticated data binds a ciphertext to
// its row (workspace, credential, key id): copied onto another row, it does not open.
//
// Nothing here ever puts key material or plaintext into an error message.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface CredentialsKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  /** The key new configurations are sealed with; undefined when CREDENTIALS_KEY is unset. */
  current: CredentialsKey | undefined;
  byId: ReadonlyMap<string, CredentialsKey>;
}

/** A misconfigured or missing key: the operator's problem, reported with a clear message. */
export class CredentialsKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CredentialsKeyError";
  }
}

export function keyFingerprint(key: Buffer): string {
  return `k${createHash("sha256").update("wsa-credentials-key-id\u0000").update(key).digest("hex").slice(0, 12)}`;
}

function decodeKey(text: string, variable: string): Buffer {
  const normalized = text.trim().replaceAll("-", "+").replaceAll("_", "/");
  const key = /^[A-Za-z0-9+/]+={0,2}$/.test(normalized) ? Buffer.from(normalized, "base64") : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) {
    throw new CredentialsKeyError(
      `${variable} must hold ${KEY_BYTES} random bytes in base64 (e.g. the output of \`openssl rand -base64 32\`), optionally as id:base64.`,
    );
  }
  return key;
}

function parseEntry(entry: string, variable: string): CredentialsKey {
  const colon = entry.indexOf(":");
  if (colon < 0) {
    const key = decodeKey(entry, variable);
    return { id: keyFingerprint(key), key };
  }
  const id = entry.slice(0, colon).trim();
  if (!KEY_ID.test(id)) throw new CredentialsKeyError(`${variable}: a key id must be 1–64 letters, digits, '.', '_' or '-'.`);
  return { id, key: decodeKey(entry.slice(colon + 1), variable) };
}

let cached: { source: string; ring: KeyRing } | undefined;

/** The key ring from CREDENTIALS_KEY and CREDENTIALS_KEYS; throws CredentialsKeyError when malformed. */
export interface KeyEnv {
  CREDENTIALS_KEY?: string;
  CREDENTIALS_KEYS?: string;
}

export function keyRingFromEnv(env: KeyEnv = process.env as KeyEnv): KeyRing {
  const currentText = env.CREDENTIALS_KEY?.trim() ?? "";
  const olderText = env.CREDENTIALS_KEYS?.trim() ?? "";
  const source = `${currentText}\u0000${olderText}`;
  if (cached?.source === source) return cached.ring;
  const current = currentText ? parseEntry(currentText, "CREDENTIALS_KEY") : undefined;
  const older = olderText
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => parseEntry(e, "CREDENTIALS_KEYS"));
  const byId = new Map<string, CredentialsKey>();
  for (const k of current ? [current, ...older] : older) {
    const seen = byId.get(k.id);
    if (seen && !seen.key.equals(k.key)) {
      throw new CredentialsKeyError(`Two different credentials keys share the id '${k.id}' (CREDENTIALS_KEY / CREDENTIALS_KEYS).`);
    }
    byId.set(k.id, k);
  }
  const ring: KeyRing = { current, byId };
  cached = { source, ring };
  return ring;
}

/** What a sealed configuration is bound to. */
export interface SealContext {
  workspaceId: string;
  credentialId: string;
}

function aad(at: SealContext, keyId: string): Buffer {
  return Buffer.from(`wsa-oauth-credential\u0000${at.workspaceId}\u0000${at.credentialId}\u0000${keyId}`, "utf8");
}

export interface Sealed {
  keyId: string;
  /** `iv:tag:ciphertext`, each base64. */
  sealed: string;
}

export function seal(ring: KeyRing, value: unknown, at: SealContext): Sealed {
  const k = ring.current;
  if (!k) throw new CredentialsKeyError("CREDENTIALS_KEY is not set: OAuth credentials cannot be sealed.");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  cipher.setAAD(aad(at, k.id));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { keyId: k.id, sealed: [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64")).join(":") };
}

export function open(ring: KeyRing, stored: Sealed, at: SealContext): unknown {
  const k = ring.byId.get(stored.keyId);
  if (!k) {
    throw new CredentialsKeyError(
      `OAuth credential ${at.credentialId} is sealed under key '${stored.keyId}', which neither CREDENTIALS_KEY nor CREDENTIALS_KEYS provides.`,
    );
  }
  const parts = stored.sealed.split(":");
  if (parts.length !== 3) throw new CredentialsKeyError(`OAuth credential ${at.credentialId} is not in the sealed format.`);
  const [iv, tag, data] = parts.map((p) => Buffer.from(p, "base64"));
  try {
    const decipher = createDecipheriv("aes-256-gcm", k.key, iv);
    decipher.setAAD(aad(at, k.id));
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8"));
  } catch {
    // Wrong key bytes under a known id, or a tampered or moved ciphertext.
    throw new CredentialsKeyError(`OAuth credential ${at.credentialId} does not open with key '${k.id}'.`);
  }
}
