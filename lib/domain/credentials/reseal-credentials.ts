import "server-only";
import { db } from "../../db";
import { CredentialsKeyError, keyRingFromEnv, open, seal } from "./sealing";

const BATCH = 100;

export interface ResealReport {
  /** The key every row is sealed with afterwards. */
  keyId: string;
  total: number;
  resealed: number;
}

/**
 * `credentials:reseal`: opens every credential sealed under an older key (CREDENTIALS_KEYS) and
 * seals it again under CREDENTIALS_KEY, row by row. Each update is guarded by the ciphertext it
 * read, so a rotation that lands meanwhile is not overwritten (that row is already current).
 * Refuses before changing anything when a row's key is not available.
 */
export async function resealCredentials(): Promise<ResealReport> {
  const ring = keyRingFromEnv();
  const current = ring.current;
  if (!current) throw new CredentialsKeyError("CREDENTIALS_KEY is not set: there is no key to re-seal under.");
  const prisma = await db();
  const groups = await prisma.oAuthCredential.groupBy({ by: ["keyId"], _count: { _all: true } });
  const unknown = groups.filter((g) => !ring.byId.has(g.keyId)).map((g) => `'${g.keyId}' (${g._count._all})`);
  if (unknown.length) {
    throw new CredentialsKeyError(
      `Some OAuth credentials are sealed under keys that neither CREDENTIALS_KEY nor CREDENTIALS_KEYS provides: ${unknown.join(", ")}. Add those keys to CREDENTIALS_KEYS and run again.`,
    );
  }
  const total = groups.reduce((n, g) => n + g._count._all, 0);
  let resealed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.oAuthCredential.findMany({
      where: { keyId: { not: current.id }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, workspaceId: true, keyId: true, configEncrypted: true, updatedAt: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = { workspaceId: row.workspaceId, credentialId: row.id };
      const next = seal(ring, open(ring, { keyId: row.keyId, sealed: row.configEncrypted }, at), at);
      const { count } = await prisma.oAuthCredential.updateMany({
        where: { id: row.id, keyId: row.keyId, configEncrypted: row.configEncrypted },
        // The configuration is unchanged: keep update_time as it was.
        data: { configEncrypted: next.sealed, keyId: next.keyId, updatedAt: row.updatedAt },
      });
      resealed += count;
    }
    after = rows[rows.length - 1].id;
  }
  return { keyId: current.id, total, resealed };
}
