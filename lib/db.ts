// The one Prisma client. DATABASE_URL (postgres://…) selects PostgreSQL through adapter-pg;
// without it the embedded PGlite database under .data/ is opened in this process.

import "server-only";
import { createPrismaClient, rawRunnerOf, rawTransactionOf, withIsoTimestamps, type Db, type RawReadOptions, type RawStatement, type SqlTx } from "./prisma-client";

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

/**
 * A read on the request path (the caller, its access, list pages) straight on the database
 * driver: a named statement on PostgreSQL's pool, `pglite.query` on the embedded database,
 * skipping Prisma's query compiler and interpreter. `statement` is a `Prisma.sql` template
 * (its `text` has `$1…` placeholders). A client without a raw runner (tests' counting clients)
 * runs it through Prisma as before.
 */
export async function queryRows<T>(statement: RawStatement & Parameters<Db["$queryRaw"]>[0], options?: RawReadOptions): Promise<T[]> {
  const prisma = await db();
  const run = rawRunnerOf(prisma);
  return run ? run<T>(statement, options) : withIsoTimestamps(await prisma.$queryRaw<T[]>(statement), options);
}

/**
 * Runs `fn` in one transaction whose statements are SQL (`SqlTx`): on PostgreSQL a raw transaction
 * on a pooled connection, skipping Prisma's query compiler and interpreter (which handled a large
 * parameter value by value: batchCreate's 1.4 MB of mail rows); on other clients (the embedded
 * database in process, tests' counting clients) Prisma's interactive transaction, whose client
 * has the same two methods. `timeout` applies to Prisma's.
 */
export async function sqlTransaction<T>(fn: (sql: SqlTx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
  const prisma = await db();
  const raw = rawTransactionOf(prisma);
  return raw ? raw(fn) : prisma.$transaction((tx) => fn(tx), options);
}

export type { Db, SqlTx };
