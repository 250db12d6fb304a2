#!/usr/bin/env node
// The project's migration command (`npm run db:migrate`) and its functions for other Node code.
//
//   DATABASE_URL=postgresql://… node scripts/migrate.mjs
//       Creates the database when it does not exist, then applies the pending migrations of
//       prisma/migrations with Prisma's own schema engine (the WebAssembly build, in-process:
//       same `_prisma_migrations` bookkeeping, advisory lock and failure handling as
//       `prisma migrate deploy`, without spawning the CLI).
//
//   import { migrate } from "./scripts/migrate.mjs";
//   await migrate("postgresql://…");     // -> { created, applied: [names] }
//
// The embedded PGlite database migrates itself when opened (lib/embedded-db.ts).

import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** prisma/migrations of this checkout (independent of the current directory). */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

// ---------------------------------------------------------------------------------------------
// PostgreSQL (through the wasm schema engine)

/**
 * Creates the database of `url` if missing and applies the pending migrations.
 * Returns `{ created: boolean, applied: string[] }`. Throws (with Prisma's error code in the
 * message, e.g. "P3009: …" for a previously failed migration) when a migration fails.
 */
export async function migrate(url, { migrationsDir = DEFAULT_MIGRATIONS_DIR } = {}) {
  if (!url) throw new Error("migrate(url): a postgresql:// URL is required");
  const { ensureDatabase, openSchemaEngine, readMigrationsList, normalizeEngineError, NO_FILTERS } = await import(
    "./schema-engine/index.mjs"
  );
  const created = await ensureDatabase(url);
  const { engine, close } = await openSchemaEngine({ url });
  try {
    const migrationsList = await readMigrationsList(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { created, applied: appliedMigrationNames };
  } catch (error) {
    throw normalizeEngineError(error);
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

async function main() {
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const url = process.env.DATABASE_URL;
  const list = (names) => (names.length ? names.map((n) => `  - ${n}`).join("\n") : "");

  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error("DATABASE_URL must be a postgresql:// URL (unset it to use the embedded PGlite database).");
    const { created, applied } = await migrate(url);
    const where = new URL(url);
    if (created) console.log(`Created database ${decodeURIComponent(where.pathname.slice(1))} at ${where.host}.`);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) in ${elapsed()}:\n${list(applied)}`
        : `No pending migrations (${elapsed()}).`,
    );
    return;
  }

  console.error(
    "DATABASE_URL is not set. The embedded PGlite database (.data/pglite) applies the migrations itself " +
      "whenever it is opened (npm start, npm run cli); set DATABASE_URL=postgresql://… to migrate PostgreSQL.",
  );
  process.exitCode = 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error?.message ?? error);
    process.exit(1);
  });
}
