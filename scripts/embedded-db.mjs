// The embedded database's own process. `npm start` (scripts/serve.mjs) starts it when
// DATABASE_URL is unset: PGlite runs here, off the server's event loop, and serves the
// PostgreSQL wire protocol on a unix socket under .data/run/, so the server reaches it through
// the same pg driver (pool, named statements) as PostgreSQL. The process belongs to the server
// that started it: it ends when that server ends (its IPC channel closes), also on SIGKILL.
//
//   import { startEmbeddedDatabase } from "./embedded-db.mjs";   (the server's side)
//   node scripts/embedded-db.mjs <data dir> <socket path>         (what that starts)

import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
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
 * Starts the database process on `dir` (default: .data/pglite or PGLITE_DIR) and resolves once it
 * accepts connections, with the postgresql:// URL of its socket and the child process.
 */
export async function startEmbeddedDatabase({ dir = embeddedDataDir() } = {}) {
  const socketPath = path.join(socketDir(dir), SOCKET_NAME);
  // A 1 MB semi-space: this process's JavaScript is the wire protocol's buffers; PGlite's memory is
  // WebAssembly's, outside the JavaScript heap (V8 takes heap sizes only as flags at start).
  const child = spawn(process.execPath, ["--max-semi-space-size=1", fileURLToPath(import.meta.url), dir, socketPath], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise((resolve, reject) => {
    const early = (code, signal) => reject(new Error(`The embedded database process ended before it was ready (${signal ?? `exit code ${code}`}).`));
    child.once("exit", early);
    child.once("message", (m) => {
      child.off("exit", early);
      if (m?.ready) resolve();
      else reject(new Error(m?.error ?? "The embedded database process did not start."));
    });
  });
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(path.dirname(socketPath))}`;
  return {
    url,
    child,
    /** Ends the database process (it closes PGlite first) and waits for it. */
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}

async function serve(dir, socketPath) {
  let release = () => {};
  try {
    mkdirSync(path.dirname(dir), { recursive: true });
    release = takeLock(dir);
    // PostgreSQL compiled to WebAssembly is a large module: V8 compiles it with its baseline
    // compiler (Liftoff) and then again with its optimizing one (TurboFan) in the background.
    // Liftoff alone keeps ~40 MB less resident (idle 165-175 -> 127-137 MB, peak under the bench
    // 236-255 -> 179-220 MB) at no measured cost in ListWorkspaces rps on this 2-core machine,
    // where the background recompilation competed with the server for CPU. Set before the module
    // is compiled; setFlagsFromString ignores a flag a later Node no longer knows.
    v8.setFlagsFromString("--liftoff-only");
    const { PGlite } = await import("@electric-sql/pglite");
    // shared_buffers: PostgreSQL's default 128 MB is touched memory in PGlite's WebAssembly heap
    // (the process measured 335 MB resident with it, 210 MB with 16 MB); pages beyond it are read
    // from the files, which the operating system caches anyway.
    const db = await PGlite.create(dir, {
      extensions: await embeddedExtensions(),
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
    });
    rmSync(socketPath, { force: true }); // left by a process that was killed
    const server = await serveEmbeddedDb(db, socketPath);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await server.close();
      await db.close();
      rmSync(socketPath, { force: true });
      release();
      process.exit(0);
    };
    // Ctrl-C reaches the whole process group: the server decides when it ends, and this process
    // follows when its channel to the server closes (so a request in flight still finds it).
    process.on("SIGINT", () => {});
    process.on("disconnect", stop);
    process.on("SIGTERM", stop);
    process.send({ ready: true });
  } catch (error) {
    release();
    process.send?.({ error: error?.message ?? String(error) });
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, socketPath] = process.argv.slice(2);
  await serve(dir, socketPath);
}
