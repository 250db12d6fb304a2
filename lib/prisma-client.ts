// Builds a Prisma client on either database. Kept free of Next-only imports so scripts, the CLI
// and tests build clients the same way the server does.

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/** Secrets never leave the database layer unless a query asks for them by name. */
export const GLOBAL_OMIT = {
  user: { passwordHash: true },
  personalAccessToken: { tokenHash: true },
  invitation: { tokenHash: true },
  accountToken: { tokenHash: true },
  oAuthCredential: { configEncrypted: true },
} as const;

/**
 * `maxWait`: how long `$transaction(async (tx) => …)` waits for a pooled connection. Prisma's
 * default (2 s) is shorter than the pool's own wait, so a burst of concurrent changes (50 creates
 * at once) failed with "Unable to start a transaction in the given time" while the pool would
 * have served them; it now waits as long as the pool does.
 */
export function makePrisma(adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>, maxWait = 5000) {
  return new PrismaClient({ adapter, omit: GLOBAL_OMIT, transactionOptions: { maxWait } });
}

export type Db = ReturnType<typeof makePrisma>;
/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface OpenClient {
  prisma: Db;
  close(): Promise<void>;
}

export async function createPrismaClient(url: string | undefined): Promise<OpenClient> {
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgresql:// URL");
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    // A database that cannot be reached must fail a request, not hang it: connecting (and
    // waiting for a pooled connection) gives up after DATABASE_CONNECT_TIMEOUT_MS, and the
    // error is answered 503 UNAVAILABLE (lib/api/http's toApiError).
    const connectionTimeoutMillis = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000);
    const prisma = makePrisma(new PrismaPg({ connectionString: url, max, connectionTimeoutMillis }), connectionTimeoutMillis);
    return { prisma, close: () => prisma.$disconnect() };
  }
  const { openEmbeddedDb } = await import("./embedded-db");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const embedded = await openEmbeddedDb();
  const prisma = makePrisma(new PrismaPGlite(embedded.pglite));
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}
