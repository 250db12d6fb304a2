// Builds a Prisma client on either database. Kept free of Next-only imports so scripts, the CLI
// and tests build clients the same way the server does.

import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

/** A statement with `$1…` placeholders and its values (what a `Prisma.sql` template holds). */
export interface RawStatement {
  text: string;
  values: unknown[];
}

export interface RawReadOptions {
  /**
   * Timestamps (timestamptz) as the text `Date.prototype.toISOString` would write for the Date the
   * driver parses (UTC, milliseconds), instead of a Date: a list page's rows go to the response as
   * that text, and parsing and re-formatting every row's times was a tenth of a list request's CPU.
   */
  isoTimestamps?: boolean;
}

/** Runs a read on the database the client is on, without Prisma's query engine; rows as the driver parses them. */
export type RawRunner = <T>(statement: RawStatement, options?: RawReadOptions) => Promise<T[]>;

/**
 * What a transaction of SQL statements needs: Prisma's transaction client has these two methods,
 * and so does the connection of a raw transaction (`RawTransaction`). Rows come back as each driver
 * parses them (timestamptz as Date, int4 as number, jsonb parsed); statements that must read the
 * same on both avoid int8 and numeric.
 */
export interface SqlTx {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Runs `fn` in one transaction on a connection of its own, its statements sent straight to the
 * driver (named, as every statement is): COMMIT when `fn` resolves, ROLLBACK when it throws.
 */
export type RawTransaction = <T>(fn: (sql: SqlTx) => Promise<T>) => Promise<T>;

// Kept on globalThis, not in this module: the server's node edge (lib/operations/node-edge, a
// bundle of its own) and Next's compiled chunks each have a copy of this module and share one
// client (lib/db keeps it on globalThis). With a map per copy, a client Next's copy made had no
// runner for the edge's copy, and every "raw" read of the edge went through Prisma's engine.
const RAW_RUNNERS = Symbol.for("wsa.raw-runners");
const rawRunners = ((globalThis as { [RAW_RUNNERS]?: WeakMap<object, RawRunner> })[RAW_RUNNERS] ??= new WeakMap<object, RawRunner>());

/** The raw runner of a client made by createPrismaClient (undefined for other clients, such as tests' counting ones). */
export function rawRunnerOf(client: object): RawRunner | undefined {
  return rawRunners.get(client);
}

const RAW_TRANSACTIONS = Symbol.for("wsa.raw-transactions");
const rawTransactions = ((globalThis as { [RAW_TRANSACTIONS]?: WeakMap<object, RawTransaction> })[RAW_TRANSACTIONS] ??= new WeakMap<object, RawTransaction>());

/** The raw transactions of a client made by createPrismaClient on PostgreSQL (undefined otherwise). */
export function rawTransactionOf(client: object): RawTransaction | undefined {
  return rawTransactions.get(client);
}

// Statement texts get a name (PostgreSQL parses and plans a named statement once per connection)
// up to this many distinct texts per process; past it (filters of unusual shapes) they go unnamed,
// so a stream of odd filters cannot grow every connection's prepared statements without bound.
const MAX_NAMED_STATEMENTS = 500;

/**
 * Marks a statement to be planned for each execution's values: it is sent unnamed. A named
 * statement gets PostgreSQL's generic plan after five executions when that plan's estimate looks
 * no worse, and the estimate cannot see which workspace or role a parameter holds: the filtered
 * member lists' count of a 100,000-member workspace took 250 ms (role) and 1.8 s (search) on
 * their generic plans, against 16–70 ms planned for the values.
 */
export const PLAN_PER_EXECUTION = "/* planned per execution */";

/** Names for statement texts, the same text always the same name (none for PLAN_PER_EXECUTION). */
export function statementNamer(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS && !text.includes(PLAN_PER_EXECUTION)) {
      name = `wsa_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
      names.set(text, name);
    }
    return name;
  };
}

const TIMESTAMPTZ_OID = 1184;
const parsePgTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text") as (text: string) => Date;
// How PostgreSQL writes a timestamptz in a session whose time zone is UTC (AD, four-digit year).
const UTC_TIMESTAMP_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * `parsePgTimestamptz(text).toISOString()` without the Date: the same text for UTC input (the
 * fraction cut to milliseconds, as the driver's parse truncates it); anything else (another
 * session time zone, BC, infinity, a year past 9999) goes through the driver's parse.
 */
export function isoFromTimestamptzText(text: string): string {
  const m = UTC_TIMESTAMP_TEXT.exec(text);
  if (!m) return parsePgTimestamptz(text).toISOString();
  const fraction = m[3] === undefined ? "000" : m[3].length >= 3 ? m[3].slice(0, 3) : m[3].padEnd(3, "0");
  return `${m[1]}T${m[2]}.${fraction}Z`;
}

const ISO_TIMESTAMP_TYPES = {
  getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMPTZ_OID && format !== "binary" ? isoFromTimestamptzText : pg.types.getTypeParser(oid, format as "text")),
} as pg.CustomTypesConfig;

/** Rows read with Date values, as `isoTimestamps` asks them (for drivers parsing timestamps themselves). */
export function withIsoTimestamps<T>(rows: T[], options: RawReadOptions | undefined): T[] {
  if (!options?.isoTimestamps) return rows;
  for (const row of rows as Record<string, unknown>[]) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Date) row[key] = value.toISOString();
    }
  }
  return rows;
}

function pgRunner(pool: pg.Pool, nameOf: (text: string) => string | undefined): RawRunner {
  return async <T>(statement: RawStatement, options?: RawReadOptions) =>
    (await pool.query({ name: nameOf(statement.text), text: statement.text, values: statement.values, types: options?.isoTimestamps ? ISO_TIMESTAMP_TYPES : undefined }))
      .rows as T[];
}

function pgTransaction(pool: pg.Pool, nameOf: (text: string) => string | undefined): RawTransaction {
  return async <T>(fn: (sql: SqlTx) => Promise<T>) => {
    const client = await pool.connect();
    const sql: SqlTx = {
      $queryRawUnsafe: async <R>(text: string, ...values: unknown[]) => (await client.query({ name: nameOf(text), text, values })).rows as R,
      $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await client.query({ name: nameOf(text), text, values })).rowCount ?? 0,
    };
    // A connection whose ROLLBACK failed is in an unknown state: the pool closes it instead of reusing it.
    let broken: Error | undefined;
    // A checked-out connection has no listener of the pool's: the server ending it between two
    // statements (while fn works) would be an unheard 'error' event, which ends the process. Heard
    // here, the transaction's next statement fails instead and the connection is dropped.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      const result = await fn(sql);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
      throw error;
    } finally {
      client.removeListener("error", onError);
      client.release(broken);
    }
  };
}

function pgliteRunner(pglite: PGlite): RawRunner {
  return async <T>(statement: RawStatement, options?: RawReadOptions) => withIsoTimestamps((await pglite.query<T>(statement.text, statement.values)).rows, options);
}

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
    // One pool for Prisma and for the hot reads that skip it (rawRunnerOf); every statement is
    // named, so each connection parses and plans it once.
    const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis });
    // An idle pooled connection that the server ends (a restart, an administrator, a dropped
    // database) is an 'error' event on the pool; unheard, it ends the whole process. Prisma's
    // adapter listens only while connected, so the pool has a listener of its own: the pool
    // drops that connection and opens another when one is needed.
    // While the server stops (scripts/serve.mjs sets the mark) its embedded database closes the
    // connections on purpose: nothing to report then.
    pool.on("error", (error) => {
      if (!(globalThis as Record<symbol, unknown>)[Symbol.for("wsa.stopping")]) console.warn(`PostgreSQL ended an idle pooled connection: ${error.message}`);
    });
    const nameOf = statementNamer();
    const prisma = makePrisma(new PrismaPg(pool, { statementNameGenerator: (query) => nameOf(query.sql) ?? "" }), connectionTimeoutMillis);
    rawRunners.set(prisma, pgRunner(pool, nameOf));
    rawTransactions.set(prisma, pgTransaction(pool, nameOf));
    return {
      prisma,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const { openEmbeddedDb } = await import("./embedded-db");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const embedded = await openEmbeddedDb();
  const prisma = makePrisma(new PrismaPGlite(embedded.pglite));
  rawRunners.set(prisma, pgliteRunner(embedded.pglite));
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}
