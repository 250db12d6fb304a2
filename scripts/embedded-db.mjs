// The embedded database's thread. `npm start` (scripts/serve.mjs) starts it when DATABASE_URL is
// unset: PGlite runs in a worker thread of the server, off the server's event loop, and serves the
// PostgreSQL wire protocol on a unix socket under .data/run/, so the server reaches it through the
// same pg driver (pool, named statements) as PostgreSQL. A thread rather than a process of its
// own: the second Node runtime cost ~40 MB resident (the node binary's pages and its own heaps,
// counted again), while PGlite's queries still run beside the server's event loop, not on it.
// The thread ends with the server's process, also on SIGKILL.
//
//   import { startEmbeddedDatabase } from "./embedded-db.mjs";   (the server's side)

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { embeddedDataDir, embeddedExtensions, takeLock } from "../lib/embedded-db-folder.mjs";
import { serveEmbeddedDb } from "../lib/embedded-db-server.mjs";

const SOCKET_NAME = ".s.PGSQL.5432";

/** A directory for the socket that only this user can enter; unix socket paths are short. */
function socketDir(dir) {
  const beside = path.join(path.dirname(dir), "run");
  if (path.join(beside, SOCKET_NAME).length <= 100) {
    mkdirSync(beside, { recursive: true, mode: 0o700 });
    return beside;
  }
  return mkdtempSync(path.join(tmpdir(), "wsa-db-"));
}

/**
 * Starts the database thread on `dir` (default: .data/pglite or PGLITE_DIR) and resolves once it
 * accepts connections, with the postgresql:// URL of its socket and the worker.
 */
export async function startEmbeddedDatabase({ dir = embeddedDataDir() } = {}) {
  mkdirSync(path.dirname(dir), { recursive: true });
  // The lock names this process; it also refuses a second thread of this process on the folder.
  const release = takeLock(dir);
  const socketPath = path.join(socketDir(dir), SOCKET_NAME);
  let worker;
  try {
    worker = new Worker(new URL(import.meta.url), {
      workerData: { embeddedDb: { dir, socketPath } },
      // The thread's JavaScript is the wire protocol's buffers: a small young generation (as the
      // process had with --max-semi-space-size=1). PGlite's memory is WebAssembly's, outside it.
      resourceLimits: { maxYoungGenerationSizeMb: 3 },
    });
    await new Promise((resolve, reject) => {
      const early = (code) => reject(new Error(`The embedded database thread ended before it was ready (exit code ${code}).`));
      worker.once("exit", early);
      worker.once("error", reject);
      worker.once("message", (m) => {
        worker.off("exit", early);
        worker.off("error", reject);
        if (m?.ready) resolve();
        else reject(new Error(m?.error ?? "The embedded database thread did not start."));
      });
    });
  } catch (error) {
    await worker?.terminate();
    release();
    throw error;
  }
  // A failure after start ends the thread; its owner hears of that through "exit".
  worker.on("error", (error) => console.error(`The embedded database thread failed: ${error?.stack ?? error}`));
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(path.dirname(socketPath))}`;
  let stopped;
  return {
    url,
    worker,
    /** Ends the database thread (it closes PGlite first), waits for it and gives the folder back. */
    stop: () =>
      (stopped ??= new Promise((resolve) => {
        worker.once("exit", () => {
          release();
          resolve();
        });
        worker.postMessage({ stop: true });
      })),
  };
}

async function serve(dir, socketPath) {
  // PostgreSQL compiled to WebAssembly is a large module: V8 compiles it with its baseline
  // compiler (Liftoff) and then again with its optimizing one (TurboFan) in the background.
  // Liftoff alone keeps ~40 MB less resident (the database's process idled at 127-137 MB instead
  // of 165-175 MB, peak under the bench 179-220 instead of 236-255 MB) at no measured cost in
  // ListWorkspaces rps on this 2-core machine, where the background recompilation competed with
  // the server for CPU. V8's flags are the process's: this also holds for WebAssembly the server
  // compiles later (Prisma's query compiler, used by writes). Set before the module is compiled;
  // setFlagsFromString ignores a flag a later Node no longer knows.
  v8.setFlagsFromString("--liftoff-only");
  const { PGlite } = await import("@electric-sql/pglite");
  // shared_buffers: PostgreSQL's default 128 MB is touched memory in PGlite's WebAssembly heap
  // (the database measured 335 MB resident with it, 210 MB with 16 MB); pages beyond it are read
  // from the files, which the operating system caches anyway.
  const db = await PGlite.create(dir, {
    extensions: await embeddedExtensions(),
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
  });
  rmSync(socketPath, { force: true }); // left by a process that was killed
  const server = await serveEmbeddedDb(db, socketPath);
  parentPort.on("message", async (m) => {
    if (!m?.stop) return;
    await server.close();
    await db.close();
    rmSync(socketPath, { force: true });
    process.exit(0);
  });
  parentPort.postMessage({ ready: true });
}

if (!isMainThread && workerData?.embeddedDb) {
  const { dir, socketPath } = workerData.embeddedDb;
  await serve(dir, socketPath).catch((error) => {
    parentPort.postMessage({ error: error?.message ?? String(error) });
    process.exit(1);
  });
}
