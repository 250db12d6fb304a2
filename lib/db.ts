// The one Prisma client. DATABASE_URL (postgres://…) selects PostgreSQL through adapter-pg;
// without it the embedded PGlite database under .data/ is opened in this process.

import "server-only";
import { createPrismaClient, type Db } from "./prisma-client";

const globalForDb = globalThis as unknown as { __wsaDb?: Promise<Db> };

/** The shared client, created on first use (never at import time, so builds touch no database). */
export function db(): Promise<Db> {
  globalForDb.__wsaDb ??= createPrismaClient(process.env.DATABASE_URL).then((c) => c.prisma);
  return globalForDb.__wsaDb;
}

/** For the CLI and tests, which open their own client (e.g. one per test database). */
export function provideDb(client: Db): void {
  globalForDb.__wsaDb = Promise.resolve(client);
}

export type { Db };
