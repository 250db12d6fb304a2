import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CredentialsKeyError, keyFingerprint, keyRingFromEnv, open, seal } from "./sealing";

const b64 = () => randomBytes(32).toString("base64");
const at = { workspaceId: "ws_1", credentialId: "cred_1" };

describe("credential sealing", () => {
  it("round-trips under the current key, with a fresh IV each time and no plaintext in the output", () => {
    const ring = keyRingFromEnv({ CREDENTIALS_KEY: b64() });
    const value = { client_id: "id", client_secret: "very-secret-value-1234" };
    const a = seal(ring, value, at);
    const b = seal(ring, value, at);
    expect(a.sealed).not.toBe(b.sealed);
    expect(a.sealed).not.toContain("very-secret");
    expect(Buffer.from(a.sealed.split(":")[2], "base64").toString("latin1")).not.toContain("very-secret");
    expect(open(ring, a, at)).toEqual(value);
    expect(a.keyId).toBe(ring.current!.id);
  });

  it("names a bare key by its fingerprint and an id:base64 key by its id", () => {
    const key = b64();
    expect(keyRingFromEnv({ CREDENTIALS_KEY: key }).current!.id).toBe(keyFingerprint(Buffer.from(key, "base64")));
    expect(keyRingFromEnv({ CREDENTIALS_KEY: `2026-12:${key}` }).current!.id).toBe("2026-12");
  });

  it("opens rows of an older key from CREDENTIALS_KEYS and refuses a key it does not have", () => {
    const old = b64();
    const oldRing = keyRingFromEnv({ CREDENTIALS_KEY: `old:${old}` });
    const sealed = seal(oldRing, { x: 1 }, at);
    const rotated = keyRingFromEnv({ CREDENTIALS_KEY: `new:${b64()}`, CREDENTIALS_KEYS: `old:${old}` });
    expect(open(rotated, sealed, at)).toEqual({ x: 1 });
    expect(seal(rotated, { x: 1 }, at).keyId).toBe("new");
    expect(() => open(keyRingFromEnv({ CREDENTIALS_KEY: `new:${b64()}` }), sealed, at)).toThrow(CredentialsKeyError);
  });

  it("refuses a ciphertext moved to another row, tampered with, or opened with other bytes under the same id", () => {
    const key = b64();
    const ring = keyRingFromEnv({ CREDENTIALS_KEY: `k1:${key}` });
    const sealed = seal(ring, { s: "secret" }, at);
    expect(() => open(ring, sealed, { ...at, credentialId: "cred_2" })).toThrow(CredentialsKeyError);
    expect(() => open(ring, sealed, { ...at, workspaceId: "ws_2" })).toThrow(CredentialsKeyError);
    const [iv, tag, data] = sealed.sealed.split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => open(ring, { ...sealed, sealed: [iv, tag, flipped.toString("base64")].join(":") }, at)).toThrow(CredentialsKeyError);
    expect(() => open(keyRingFromEnv({ CREDENTIALS_KEY: `k1:${b64()}` }), sealed, at)).toThrow(CredentialsKeyError);
  });

  it("rejects malformed keys without echoing them", () => {
    const short = randomBytes(16).toString("base64");
    for (const env of [{ CREDENTIALS_KEY: short }, { CREDENTIALS_KEY: "not base64 at all!" }, { CREDENTIALS_KEYS: `bad id:${b64()}` }]) {
      let message = "";
      try {
        keyRingFromEnv(env);
      } catch (e) {
        expect(e).toBeInstanceOf(CredentialsKeyError);
        message = (e as Error).message;
      }
      expect(message).toMatch(/CREDENTIALS_KEY/);
      expect(message).not.toContain(short);
    }
    const same = "dup";
    expect(() => keyRingFromEnv({ CREDENTIALS_KEY: `${same}:${b64()}`, CREDENTIALS_KEYS: `${same}:${b64()}` })).toThrow(/share the id/);
    expect(keyRingFromEnv({}).current).toBeUndefined();
  });
});
