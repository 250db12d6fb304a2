import "server-only";
import type { Db } from "../../db";
import { CredentialsKeyError, keyRingFromEnv } from "./sealing";

export interface CredentialsKeyStatus {
  credentials: number;
  /** Rows still sealed under an older key (CREDENTIALS_KEYS): `credentials:reseal` moves them. */
  onOlderKeys: number;
}

/**
 * Run before the server takes requests (scripts/start.ts and lib/server-start.ts): a malformed key,
 * or stored credentials that the configured keys cannot open, stop the start with a message that
 * says what to set. A missing key is fine while no credential is stored; creating one is then
 * refused with FAILED_PRECONDITION.
 */
export async function checkCredentialsKey(prisma: Db): Promise<CredentialsKeyStatus> {
  const ring = keyRingFromEnv();
  const groups = await prisma.oAuthCredential.groupBy({ by: ["keyId"], _count: { _all: true } });
  const credentials = groups.reduce((n, g) => n + g._count._all, 0);
  if (credentials === 0) return { credentials, onOlderKeys: 0 };
  if (!ring.current) {
    throw new CredentialsKeyError(
      `${credentials} OAuth credential(s) are stored sealed, but CREDENTIALS_KEY is not set, so they could not be read. ` +
        `Set CREDENTIALS_KEY to the key they were sealed with (key id(s): ${groups.map((g) => g.keyId || "(none)").join(", ")}); ` +
        "a new key is made with `openssl rand -base64 32`, and older keys go in CREDENTIALS_KEYS as id:base64.",
    );
  }
  const missing = groups.filter((g) => !ring.byId.has(g.keyId));
  if (missing.length) {
    throw new CredentialsKeyError(
      `${missing.reduce((n, g) => n + g._count._all, 0)} OAuth credential(s) are sealed under key id(s) ` +
        `${missing.map((g) => `'${g.keyId}'`).join(", ")}, which neither CREDENTIALS_KEY (key id '${ring.current.id}') nor CREDENTIALS_KEYS provides. ` +
        "Add the old key to CREDENTIALS_KEYS as id:base64.",
    );
  }
  const onOlderKeys = groups.filter((g) => g.keyId !== ring.current!.id).reduce((n, g) => n + g._count._all, 0);
  return { credentials, onOlderKeys };
}
