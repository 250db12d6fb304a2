// The loader: opens Prisma's WebAssembly schema engine on a PostgreSQL database.
//
//   const { engine, close } = await openSchemaEngine({ url, datamodels });
//   await engine.applyMigrations({ migrationsList: await readMigrationsList(dir), filters: NO_FILTERS });
//   await close();
//
// `engine` is the wasm `SchemaEngine`; its methods mirror the native engine's JSON-RPC methods
// (applyMigrations, createMigration, devDiagnostic, diagnoseMigrationHistory, diff, schemaPush,
// reset, dbExecute, introspect, ...; see @prisma/schema-engine-wasm/schema_engine.d.ts).

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { keepAliveWhile, loadSchemaEngineWasm, lastPanicMessage } from "./wasm.mjs";
import { createPgMigrationAdapterFactory, isPostgresUrl, redactUrl } from "./pg.mjs";

export { schemaEngineVersion, loadSchemaEngineWasm } from "./wasm.mjs";
export * from "./pg.mjs";

/** The schema filter the CLI sends when prisma.config.ts declares no external tables/enums. */
export const NO_FILTERS = Object.freeze({ externalTables: [], externalEnums: [] });

/**
 * Reads a migrations directory into the engine's `MigrationList` shape, exactly as the Prisma
 * CLI does: every sub-directory is a migration (its `migration.sql`, or the read error), sorted
 * by name; `migration_lock.toml` content or null. A missing directory is an empty list.
 */
export async function readMigrationsList(migrationsDir, shadowDbInitScript = "") {
  const baseDir = path.resolve(migrationsDir);
  const lockfile = {
    path: "migration_lock.toml",
    content: await readFile(path.join(baseDir, "migration_lock.toml"), "utf8").catch(() => null),
  };
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const content = await readFile(path.join(baseDir, entry.name, "migration.sql"), "utf8").then(
      (value) => ({ tag: "ok", value }),
      (error) => ({ tag: "error", value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir, lockfile, migrationDirectories, shadowDbInitScript };
}

/**
 * Turns whatever the wasm engine threw into an Error carrying Prisma's error fields:
 * `error.prismaError = { is_panic, message, error_code, meta }` (the `data` of the native
 * engine's JSON-RPC errors).
 *
 * Known engine errors arrive as `Error`s with a `code` ("P3005", …) and sometimes `meta`; a Rust
 * panic arrives as a `WebAssembly.RuntimeError` ("unreachable"), its real message having been
 * recorded in PRISMA_WASM_PANIC_REGISTRY.
 */
export function normalizeEngineError(error) {
  if (error?.prismaError) return error;
  const isPanic = error instanceof WebAssembly.RuntimeError;
  let message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  if (isPanic && lastPanicMessage()) message = `${lastPanicMessage()}\n(${message})`;
  const prismaError = {
    is_panic: isPanic,
    message,
    error_code: typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined,
    meta: error?.meta ?? undefined,
  };
  const normalized = new Error(prismaError.error_code ? `${prismaError.error_code}: ${message}` : message);
  normalized.prismaError = prismaError;
  normalized.cause = error;
  return normalized;
}

/**
 * A view of the engine whose methods hold the event loop open while they run (the engine's own
 * timers are unref'd, see wasm.mjs).
 */
function keepingAlive(engine) {
  const view = Object.create(engine);
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(engine))) {
    if (name === "constructor" || name === "free" || name.startsWith("_")) continue;
    if (typeof engine[name] !== "function") continue;
    view[name] = (...args) => keepAliveWhile(() => engine[name](...args));
  }
  view.free = () => engine.free(); // on the real object, or its finalizer would free it again
  return view;
}

/**
 * Opens the wasm schema engine on a PostgreSQL database.
 *
 * options.url                 postgres:// URL of the main database (required).
 * options.shadowDatabaseUrl   optional configured shadow database; by default a temporary
 *                             `prisma_migrate_shadow_db_<uuid>` is created and dropped.
 * options.datamodels          `[[path, content], ...]` Prisma schema files (optional; needed by
 *                             commands that read the schema, not by applyMigrations).
 * options.onLog(entry)        receives the engine's log entries (JSON strings or objects).
 * options.debug(message)      receives diagnostics of the adapter factory.
 *
 * Returns `{ engine, glue, close }`. `close()` frees the engine, closes every pool and drops any
 * shadow database left; always call it (a pg pool left open keeps Node alive).
 */
export async function openSchemaEngine({ url, shadowDatabaseUrl, datamodels = [], onLog = () => {}, debug = () => {} }) {
  if (!isPostgresUrl(url)) {
    throw new Error(`The schema engine shim supports PostgreSQL URLs only (got ${url ? redactUrl(url) : "no URL"}).`);
  }
  const glue = await loadSchemaEngineWasm();
  const factory = createPgMigrationAdapterFactory(url, { shadowDatabaseUrl, log: debug });
  let engine;
  try {
    // No schema files must be `undefined`, not `[]`: the engine panics on an empty list
    // ("psl::validate_multi_file() must be called with at least one file"). The CLI sends none for
    // `migrate diff`, `db execute`, `migrate resolve`, ...
    const options = { datamodels: datamodels?.length ? datamodels : undefined };
    engine = await keepAliveWhile(() =>
      glue.SchemaEngine.new(options, onLog, bindMigrationAwareSqlAdapterFactory(factory)),
    );
  } catch (error) {
    await factory.cleanup();
    throw normalizeEngineError(error);
  }
  let closed = false;
  return {
    engine: keepingAlive(engine),
    glue,
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } catch {}
      await factory.cleanup();
    },
  };
}
