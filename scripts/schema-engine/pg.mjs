// PostgreSQL plumbing for the WebAssembly schema engine:
//   - URL parsing into discrete connection fields,
//   - "create the database if it is missing" / "drop database" helpers,
//   - a migration-aware driver adapter factory built on @prisma/adapter-pg (PrismaPg) that the
//     wasm engine drives (`connect()` for the main database, `connectToShadowDb()` for a
//     throwaway shadow database), with the fixes the engine needs (see TOOLCHAIN.md):
//       * Postgres' internal `"char"` type (OID 18, array OID 1002) is reported as
//         Character / CharacterArray (adapter-pg 7.10 throws "Column type 'char' could not be
//         deserialized" on it, and the engine's catalog queries return such columns);
//       * scripts are sent to the server in one piece (adapter-pg splits on ";", which breaks
//         any statement with a ";" inside a string or a function body, and loses the implicit
//         transaction the native engine gets from a multi-statement simple query);
//       * the shadow database is created by us, connected with discrete host/port/user/...
//         fields, and dropped when the engine disposes it (or at the latest on `cleanup()`).

import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
// pg-connection-string is pg's own URL parser; resolve it next to pg so that we get the very copy
// pg uses, wherever npm placed it.
const { parse: parseConnectionString } = createRequire(require.resolve("pg"))("pg-connection-string");

/** Query parameters only Prisma understands: pg must not see them. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "sslaccept",
  "sslidentity",
  "sslpassword",
  "single_use_connections",
];

export function isPostgresUrl(url) {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Parses a postgres:// URL into discrete pg client fields.
 * Returns `{ config, schema, database, host, port }` where `config` can be handed to `pg.Client`,
 * `pg.Pool` or `PrismaPg`, and `schema` is Prisma's `?schema=` parameter (undefined when absent).
 */
export function parsePostgresUrl(url) {
  if (!isPostgresUrl(url)) throw new Error(`Not a PostgreSQL connection URL: ${redactUrl(url)}`);
  const parsed = { ...parseConnectionString(url) };
  const schema = parsed.schema || undefined;
  for (const key of PRISMA_ONLY_PARAMS) delete parsed[key];
  // pg-connection-string returns "" for absent parts; pg treats "" differently from "absent"
  // (e.g. an empty user name), so normalise them away.
  for (const key of ["host", "port", "user", "password", "database"]) {
    if (parsed[key] === "" || parsed[key] === null) delete parsed[key];
  }
  if (parsed.port !== undefined) parsed.port = Number(parsed.port);
  if (schema) {
    // Prisma's `?schema=` is the schema migrations (unqualified DDL) go to: make it the
    // connection's search_path, as the native engine does. Spaces must be escaped in `options`.
    const searchPath = `-c search_path=${quoteIdent(schema).replace(/[\\ ]/g, "\\$&")}`;
    parsed.options = parsed.options ? `${parsed.options} ${searchPath}` : searchPath;
  }
  return {
    config: parsed,
    schema,
    database: parsed.database ?? parsed.user ?? process.env.PGDATABASE ?? process.env.USER,
    host: parsed.host ?? "localhost",
    port: parsed.port ?? 5432,
  };
}

/** The URL with its password masked, for messages. */
export function redactUrl(url) {
  return String(url).replace(/(\/\/[^:/@]*:)[^@]*@/, "$1***@");
}

/** Double-quotes an SQL identifier. */
export function quoteIdent(name) {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/**
 * Translates a pg connection error into Prisma's error codes (the CLI reacts to P1003 by creating
 * the database in `migrate dev|deploy`, `db push`, `migrate reset`).
 * Returns `{ error_code, message }`; error_code is undefined for anything unrecognised.
 */
export function describeConnectionError(error, { host, port, database, config }) {
  const location = `${host}:${port}`;
  switch (error?.code) {
    case "3D000": // invalid_catalog_name
      return {
        error_code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${location}\`.`,
      };
    case "28P01": // invalid_password
    case "28000": // invalid_authorization_specification
      return {
        error_code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${config.user ?? "(default)"}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "ENOENT": // unix socket missing
      return {
        error_code: "P1001",
        message: `Can't reach database server at \`${location}\`\n\nPlease make sure your database server is running at \`${location}\`.`,
      };
    default:
      return { error_code: undefined, message: error?.message ?? String(error) };
  }
}

/** Runs `fn(client)` with a single pg client connected with `config`, always closing it. */
async function withClient(config, fn) {
  const client = new pg.Client(config);
  // An error event on an idle client must not crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects to a maintenance database of the same server (one that always exists: `postgres`,
 * then `template1`) and runs `fn(client)`. Used to create and drop databases.
 */
async function withMaintenanceClient(config, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    let connected = false;
    try {
      return await withClient({ ...config, database }, (client) => {
        connected = true;
        return fn(client);
      });
    } catch (error) {
      // Only fall through to the next maintenance database when this one could not be opened.
      if (connected || error?.code !== "3D000") throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/** Resolves when the database of `url` accepts connections; throws the pg error otherwise. */
export async function checkConnection(url) {
  const { config } = parsePostgresUrl(url);
  await withClient(config, (client) => client.query("SELECT 1"));
}

/**
 * Creates the database named in `url` when it does not exist yet.
 * Safe when several processes race to create the same database. Returns true when it created it.
 */
export async function ensureDatabase(url) {
  const { config, database } = parsePostgresUrl(url);
  try {
    await withClient(config, () => {});
    return false;
  } catch (error) {
    if (error?.code !== "3D000") throw error;
  }
  return withMaintenanceClient(config, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
      return true;
    } catch (error) {
      // 42P04 duplicate_database: someone else created it meanwhile. 23505 can show up too when
      // two CREATE DATABASE race on pg_database's unique index.
      if (error?.code === "42P04" || error?.code === "23505") return false;
      throw error;
    }
  });
}

/**
 * Drops a database (connected through a maintenance database). `WITH (FORCE)` (PostgreSQL 13+)
 * disconnects leftover sessions; older servers get the plain statement.
 */
export async function dropDatabase(config, database, { ifExists = true } = {}) {
  const target = `${ifExists ? "IF EXISTS " : ""}${quoteIdent(database)}`;
  await withMaintenanceClient(config, async (client) => {
    try {
      await client.query(`DROP DATABASE ${target} WITH (FORCE)`);
    } catch (error) {
      if (error?.code !== "42601") throw error; // syntax_error: server older than 13
      await client.query(`DROP DATABASE ${target}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Driver adapter patches

/**
 * OIDs adapter-pg cannot map, with the column type to report to the engine and an OID adapter-pg
 * does know to stand in while its own mapping runs.
 */
const EXTRA_COLUMN_TYPES = new Map([
  [18, { columnType: ColumnTypeEnum.Character, standIn: 25 /* text */ }], //     "char"
  [1002, { columnType: ColumnTypeEnum.CharacterArray, standIn: 1009 /* text[] */ }], // "char"[]
]);

/**
 * Wraps `queryable.queryRaw` (an adapter or a transaction) so that `"char"` columns are reported
 * as Character(Array). adapter-pg's queryRaw = performIO (runs the query, rows already parsed by
 * pg) + a type mapping that throws on OIDs it does not know. We run the original queryRaw on a
 * per-call view of the object whose performIO swaps the unknown OIDs for stand-ins, then put the
 * right column types back.
 */
function patchCharColumns(queryable) {
  const originalQueryRaw = queryable.queryRaw;
  if (typeof queryable.performIO !== "function" || typeof originalQueryRaw !== "function") return queryable;
  queryable.queryRaw = async function queryRawWithChar(query) {
    const replaced = [];
    const view = Object.create(queryable, {
      performIO: {
        value: async (q) => {
          const result = await queryable.performIO(q);
          result?.fields?.forEach((field, index) => {
            const extra = EXTRA_COLUMN_TYPES.get(field.dataTypeID);
            if (!extra) return;
            replaced.push([index, extra.columnType]);
            // A copy, so that pg's own field objects stay untouched.
            result.fields[index] = { ...field, dataTypeID: extra.standIn };
          });
          return result;
        },
      },
    });
    const resultSet = await originalQueryRaw.call(view, query);
    for (const [index, columnType] of replaced) resultSet.columnTypes[index] = columnType;
    return resultSet;
  };
  return queryable;
}

/**
 * Sends scripts (migrations, `db execute`, shadow database replays) as one multi-statement simple
 * query, like the native engine does. A statement error is reported as the raw `postgres` error
 * kind, so that the engine shows PostgreSQL's own message (adapter-pg would turn e.g. 42P01 into
 * "No such table: x" and drop the SQLSTATE).
 */
function patchExecuteScript(adapter) {
  const client = typeof adapter.underlyingDriver === "function" ? adapter.underlyingDriver() : adapter.client;
  if (!client || typeof client.query !== "function") return adapter;
  adapter.executeScript = async function executeWholeScript(script) {
    try {
      await client.query(script);
    } catch (error) {
      if (typeof error?.code === "string" && typeof error?.severity === "string") {
        throw new DriverAdapterError({
          kind: "postgres",
          code: error.code,
          severity: error.severity,
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
      // Connection-level problems: adapter-pg's own conversion (it rethrows).
      if (typeof adapter.onError === "function") adapter.onError(error);
      throw error;
    }
  };
  return adapter;
}

/** Applies all patches to a freshly connected PrismaPg adapter (and to its transactions). */
function patchAdapter(adapter) {
  patchCharColumns(adapter);
  patchExecuteScript(adapter);
  const startTransaction = adapter.startTransaction;
  adapter.startTransaction = async function (...args) {
    const tx = await startTransaction.apply(adapter, args);
    return tx ? patchCharColumns(tx) : tx;
  };
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// The migration-aware factory

/**
 * The engine shows a plain Error thrown by the factory only as "External error id#0"; a
 * DriverAdapterError of the raw `postgres` kind gets its message shown.
 */
function asDriverAdapterError(error) {
  if (error instanceof DriverAdapterError) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: typeof error?.code === "string" ? error.code : "N/A",
    severity: typeof error?.severity === "string" ? error.severity : "ERROR",
    message: error?.message ?? String(error),
    detail: error?.detail,
    column: error?.column,
    hint: error?.hint,
  });
}

/**
 * Builds the `SqlMigrationAwareDriverAdapterFactory` the wasm engine needs for a postgres URL.
 *
 * options.shadowDatabaseUrl: use that database as the shadow database (it is wiped on each
 *   connect, as Prisma does with a configured shadow database) instead of creating one.
 * options.log(message): optional diagnostics sink.
 *
 * The returned object has an extra `cleanup()` that closes every pool still open and drops any
 * shadow database created here that was not dropped yet. Call it when done with the engine.
 */
export function createPgMigrationAdapterFactory(url, { shadowDatabaseUrl, log = () => {} } = {}) {
  const main = parsePostgresUrl(url);
  const adapterOptions = main.schema ? { schema: main.schema } : undefined;
  const mainFactory = new PrismaPg(main.config, adapterOptions);

  /** Disposers still to run, by id: each closes a pool and maybe drops a shadow database. */
  const pending = new Map();
  let nextId = 0;

  function track(dispose) {
    const id = nextId++;
    let done = null;
    const run = () => {
      if (!done) {
        done = dispose().finally(() => pending.delete(id));
      }
      return done;
    };
    pending.set(id, run);
    return run;
  }

  /** Wraps an adapter so that its dispose() runs our tracked disposer exactly once. */
  function withDisposer(adapter, disposer) {
    adapter.dispose = () => disposer();
    return patchAdapter(adapter);
  }

  async function connectToConfiguredShadowDb() {
    const shadow = parsePostgresUrl(shadowDatabaseUrl);
    if (shadow.host === main.host && shadow.port === main.port && shadow.database === main.database) {
      throw new Error("The shadow database URL points at the main database: refusing to use it as a shadow database.");
    }
    await ensureDatabase(shadowDatabaseUrl);
    // Wipe it, as the native engine does with a configured shadow database: drop every
    // non-system schema and recreate the one Prisma works in.
    const schema = shadow.schema ?? "public";
    await withClient(shadow.config, async (client) => {
      const { rows } = await client.query(
        `SELECT nspname FROM pg_namespace
          WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
      );
      for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    });
    const factory = new PrismaPg(shadow.config, shadow.schema ? { schema: shadow.schema } : undefined);
    const adapter = await factory.connect();
    const release = adapter.dispose.bind(adapter);
    return withDisposer(adapter, track(() => release()));
  }

  async function connectToOwnShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withMaintenanceClient(main.config, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
    log(`created shadow database ${database}`);
    // Discrete fields: with a connectionString, pg would let the URL's database win.
    const factory = new PrismaPg({ ...main.config, database }, adapterOptions);
    let adapter;
    try {
      adapter = await factory.connect();
      if (main.schema) await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(main.schema)}`);
    } catch (error) {
      await adapter?.dispose().catch(() => {});
      await dropDatabase(main.config, database).catch(() => {});
      throw error;
    }
    const release = adapter.dispose.bind(adapter);
    const disposer = track(async () => {
      try {
        await release(); // closes the pool first, so that the drop finds no session
      } finally {
        await dropDatabase(main.config, database);
        log(`dropped shadow database ${database}`);
      }
    });
    return withDisposer(adapter, disposer);
  }

  return {
    provider: "postgres",
    adapterName: mainFactory.adapterName,

    async connect() {
      const adapter = await mainFactory.connect();
      const release = adapter.dispose.bind(adapter);
      const patched = withDisposer(adapter, track(() => release()));
      if (main.schema) {
        // The native engine creates the `?schema=` schema when it is missing.
        await patched.executeScript(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(main.schema)}`).catch(() => {});
      }
      return patched;
    },

    async connectToShadowDb() {
      try {
        return await (shadowDatabaseUrl ? connectToConfiguredShadowDb() : connectToOwnShadowDb());
      } catch (error) {
        throw asDriverAdapterError(error);
      }
    },

    /** Disposes everything still open (pools, shadow databases). Never throws. */
    async cleanup() {
      const results = await Promise.allSettled([...pending.values()].map((run) => run()));
      for (const result of results) {
        if (result.status === "rejected") log(`cleanup: ${result.reason?.message ?? result.reason}`);
      }
    },
  };
}
