// The embedded database (PGlite, data in a folder) used when DATABASE_URL is unset: opening it,
// applying the committed migrations in order (recorded in Prisma's `_prisma_migrations` table,
// so the history reads the same as one written by `prisma migrate deploy`), and the folder lock
// that keeps a second process from opening the same data.

import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { embeddedDataDir, embeddedDbHolder, EmbeddedDbBusyError, embeddedExtensions, takeLock } from "./embedded-db-folder.mjs";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export { embeddedDataDir, embeddedDbHolder, EmbeddedDbBusyError, embeddedExtensions };

export function migrationsDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");
}

export interface EmbeddedDb {
  pglite: PGlite;
  /** Closes the database and gives the folder back to other processes. */
  close(): Promise<void>;
}

/** Opens (creating on first use) and migrates the embedded database; one process per folder. */
export async function openEmbeddedDb(dir = embeddedDataDir()): Promise<EmbeddedDb> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = takeLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create(dir, { extensions: await embeddedExtensions() });
    await applyMigrations(pglite);
    return {
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** Applies the migrations not yet recorded, each in its own transaction. Returns their names. */
export async function applyMigrations(db: Queryable | PGlite, dir = migrationsDir()): Promise<string[]> {
  const q = db as Queryable;
  await q.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const rows = await q.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
  // As `prisma migrate deploy`: an unfinished migration blocks the rest until it is resolved.
  const unfinished = rows.rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (unfinished) throw new Error(`P3009: migration ${unfinished.migration_name} did not finish; resolve it before applying more.`);
  const applied = new Map(rows.rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const ran: string[] = [];
  for (const name of names) {
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const previous = applied.get(name);
    if (previous !== undefined) {
      // Prisma accepts a checksum over either line-ending style (a CRLF checkout is no edit).
      const same = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")].some((s) => sha256(s) === previous);
      if (!same) console.warn(`Migration ${name} was changed after it was applied (checksum differs).`);
      continue;
    }
    await q.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), sha256(sql), name],
      );
    });
    ran.push(name);
  }
  return ran;
}
