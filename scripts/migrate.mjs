#!/usr/bin/env node
// The project's migration command (`npm run db:migrate`) and its functions for other Node code.
//
//   DATABASE_URL=postgresql://… node scripts/migrate.mjs
//       Creates the database when it does not exist, then applies the pending migrations of
//       prisma/migrations with Prisma's own schema engine (the WebAssembly build, in-process:
//       same `_prisma_migrations` bookkeeping, advisory lock and failure handling as
//       `prisma migrate deploy`, without spawning the CLI).
//
//   node scripts/migrate.mjs            (DATABASE_URL unset)
//       Migrates the embedded PGlite database in $PGLITE_DIR (default .data/pglite), refusing
//       while another live process holds it (the `<dir>.lock` pid file lib/embedded-db.ts writes).
//
//   import { migrate, migratePglite } from "./scripts/migrate.mjs";
//   await migrate("postgresql://…");     // -> { created, applied: [names] }
//   await migratePglite(pgliteInstance);  // -> { applied: [names] }
//
// migratePglite does not use the schema engine: it applies each committed migration.sql in order,
// in a transaction with its `_prisma_migrations` row (same table, checksums and semantics as
// Prisma: each migration once, in name order; a failed/unfinished one blocks the rest). It only
// needs the PGlite instance, so it also works where devDependencies (prisma, the wasm engine)
// are not installed.

import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
// PGlite (plain SQL + bookkeeping)

/** Prisma's `_prisma_migrations` table, as its PostgreSQL connector creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

function sha256(text) {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Prisma records sha256(script); when comparing it also accepts the script with its line endings
 * swapped (a checkout with CRLF vs LF must not count as an edit). We do the same.
 */
function checksumMatches(script, checksum) {
  return [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")].some((s) => sha256(s) === checksum);
}

/** The migrations on disk, in the order Prisma applies them: `[{ name, script }]`. */
export function readMigrationFiles(migrationsDir = DEFAULT_MIGRATIONS_DIR) {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b)) // the Prisma CLI's order
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`Migration ${name} has no migration.sql (${file}).`);
      return { name, script: readFileSync(file, "utf8") };
    });
}

/**
 * Applies the committed migrations not yet recorded to an open @electric-sql/pglite instance.
 * Each migration runs in one transaction together with its `_prisma_migrations` row, so a failing
 * migration leaves nothing behind (and is retried on the next call). Rows left unfinished by
 * someone else (e.g. `prisma migrate deploy` through pglite-socket) block, as they do in Prisma.
 * Returns `{ applied: string[] }`.
 */
export async function migratePglite(pglite, { migrationsDir = DEFAULT_MIGRATIONS_DIR, log = () => {} } = {}) {
  const migrations = readMigrationFiles(migrationsDir);
  await pglite.exec(CREATE_MIGRATIONS_TABLE);
  const { rows } = await pglite.query(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );

  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    throw new Error(
      `P3009: migrate found failed migrations in the target database, new migrations will not be applied. ` +
        `The \`${failed[0].migration_name}\` migration failed. Resolve it (prisma migrate resolve) first.`,
    );
  }

  const applied = new Map();
  for (const row of rows) {
    if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row.checksum);
  }
  const onDisk = new Set(migrations.map((m) => m.name));
  for (const name of applied.keys()) {
    if (!onDisk.has(name)) log(`warning: migration ${name} is recorded in the database but missing from ${migrationsDir}`);
  }

  const ran = [];
  for (const { name, script } of migrations) {
    if (applied.has(name)) {
      if (!checksumMatches(script, applied.get(name))) {
        log(`warning: migration ${name} was modified after it was applied (checksum differs)`);
      }
      continue;
    }
    try {
      await pglite.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [randomUUID(), sha256(script), name],
        );
        await tx.exec(script);
        await tx.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1
            WHERE migration_name = $1 AND finished_at IS NULL`,
          [name],
        );
      });
    } catch (error) {
      const wrapped = new Error(`P3018: migration ${name} failed to apply (rolled back): ${error.message}`);
      wrapped.cause = error;
      throw wrapped;
    }
    ran.push(name);
  }
  return { applied: ran };
}

// ---------------------------------------------------------------------------------------------
// Command line

/** Where the app keeps its embedded database (as lib/embedded-db.ts). */
function pgliteDir() {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Takes `<dir>.lock` (the app's convention) or throws if a live process holds it. */
function lockPglite(dir) {
  const lock = `${dir}.lock`;
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && pidAlive(pid)) {
      throw new Error(
        `The embedded database in ${dir} is open in another process (pid ${pid}, usually the running server). ` +
          `PGlite allows one process per folder: stop it first (it migrates on start anyway), or set DATABASE_URL.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => {
    try {
      if (readFileSync(lock, "utf8").trim() === String(process.pid)) rmSync(lock);
    } catch {}
  };
}

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

  const dir = pgliteDir();
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = lockPglite(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create(dir);
    try {
      const { applied } = await migratePglite(pglite, { log: (m) => console.warn(m) });
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to the embedded database ${path.relative(process.cwd(), dir) || dir} in ${elapsed()}:\n${list(applied)}`
          : `Embedded database ${path.relative(process.cwd(), dir) || dir}: no pending migrations (${elapsed()}).`,
      );
    } finally {
      await pglite.close();
    }
  } finally {
    release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error?.message ?? error);
    process.exit(1);
  });
}
