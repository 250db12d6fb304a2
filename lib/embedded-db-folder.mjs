// The embedded database's folder: where it is, the lock that keeps a second opener from it
// (PGlite allows one per folder: another process, or another thread of this one), and the
// extensions the migrations need. Plain ESM so that the server (scripts/serve.mjs and its
// database thread, scripts/embedded-db.mjs) runs it without a TypeScript loader.

import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function embeddedDataDir() {
  return path.resolve(process.env.PGLITE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite"));
}

function lockPath(dir) {
  return `${dir}.lock`;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** The pid of another live process holding the folder, if any. */
export function embeddedDbHolder(dir = embeddedDataDir()) {
  const file = lockPath(dir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(pid) || pid === process.pid || !pidAlive(pid)) return undefined;
  return pid;
}

export class EmbeddedDbBusyError extends Error {
  constructor(dir, pid) {
    super(
      pid === process.pid
        ? `The embedded database in ${dir} is already open in this process. PGlite allows one opener per folder.`
        : `The embedded database in ${dir} is open in another process (pid ${pid}, usually the running server). ` +
            `PGlite allows one process per folder: stop that process first, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.dir = dir;
    this.pid = pid;
  }
}

/**
 * The folders this process holds. The lock file names a process, so it cannot tell this process's
 * own holders apart; a process-wide set (on globalThis: bundles may carry copies of this module) does.
 */
const heldHere = (globalThis[Symbol.for("wsa.embeddedDbFoldersHeld")] ??= new Set());

/** Takes the folder for this process (or throws EmbeddedDbBusyError); returns the release. */
export function takeLock(dir) {
  const key = path.resolve(dir);
  if (heldHere.has(key)) throw new EmbeddedDbBusyError(dir, process.pid);
  const holder = embeddedDbHolder(dir);
  if (holder) throw new EmbeddedDbBusyError(dir, holder);
  writeFileSync(lockPath(dir), String(process.pid));
  heldHere.add(key);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(key);
    try {
      if (readFileSync(lockPath(dir), "utf8").trim() === String(process.pid)) rmSync(lockPath(dir));
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

/**
 * The PostgreSQL extensions the migrations create: pg_trgm (the member search indexes) and
 * btree_gin (the index of a workspace's members by role).
 */
export async function embeddedExtensions() {
  const [{ pg_trgm }, { btree_gin }] = await Promise.all([import("@electric-sql/pglite/contrib/pg_trgm"), import("@electric-sql/pglite/contrib/btree_gin")]);
  return { pg_trgm, btree_gin };
}
