// The server `npm start` leaves running: one Node process serving the built app, with nothing
// between it and npm (no tsx, no npx, no second node). `scripts/start.ts` runs first and exits:
// it builds when sources changed, migrates or prepares the embedded database and keeps the
// generated secrets in .data/, which this file reads back the same way.
//
//   node scripts/serve.mjs            (after `tsx scripts/start.ts`; `npm start` runs both)
//
// Memory (issue 13; bench/README.md has the figures). package.json's start script runs this file as
//   MALLOC_MMAP_THRESHOLD_=131072 exec node --max-semi-space-size=8 --heap-growing-percent=50 scripts/serve.mjs
// - MALLOC_MMAP_THRESHOLD_: glibc raises its mmap threshold each time a large mapped block is
//   freed (up to 32 MB), so later large blocks come from its heaps (the main one and each
//   thread's), where they stay resident after being freed. A fixed 128 KiB
//   (glibc's starting value) maps and unmaps them instead: idle 195-205 -> 155-175 MB, peak under
//   load 20-60 MB lower, Node CPU per request within run-to-run noise at a fixed 300 rps. glibc
//   reads it only at start, hence the environment; other C libraries ignore it.
// - --max-semi-space-size=8 (V8's default grows to 16): a young generation half as large, ~20 MB
//   less at peak; scavenges twice as often, +0.02 ms of scavenge time per request (~2.5% of the
//   CPU) under --trace-gc at 500 rps.
// - --heap-growing-percent=50: after each full collection V8 lets the old generation grow to 1.5
//   times what survived it before the next one, where on its own it picks up to 4 times (a
//   factor it lowers only for heaps capped below 2 GB). Under writes (the bench's 64-connection
//   mix) much of each request's garbage lives long enough to be promoted, and the server's heap
//   grew to ~160 MB around ~50 MB of live objects before V8 collected it: peak 258-320 MB against
//   166-201 MB with the flag (scratch harness, PostgreSQL, 20-30 s of the mix, load average 10-18),
//   Node CPU per request within run-to-run noise (3.75-4.11 against 3.57-4.47 ms at a fixed rate);
//   it holds for the embedded database's thread too (V8's flags are the process's). Unlike
//   --max-old-space-size it caps nothing: a larger live heap only means more frequent collections.
//   (--heap-growing-percent=100: peak 189-225 MB.)
// Rejected: --max-semi-space-size=4 with --max-old-space-size=256 (or 384) peaked at 235-265 MB
// instead of 262-331 MB but spent 25-35% more CPU per request on collections (ListWorkspaces
// 3.7-4.0 ms against 2.7-3.1 ms in the same minutes); --max-semi-space-size=4 alone, +0.05 ms of
// scavenge per request (~7%) for a few MB more. V8 reads heap sizes only at start
// (v8.setFlagsFromString cannot change them here), so they stay in the start script, which
// bench/http.ts reads to start the product the same way.

import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { buildEdge, EDGE_BUNDLE, edgeIsCurrent } from "./build-edge.mjs";
import { answerClientError } from "./client-error.mjs";
import { startEmbeddedDatabase } from "./embedded-db.mjs";

const root = process.cwd();
const dataDir = path.join(root, ".data");
const port = Number(process.env.PORT ?? 3000);

/** A secret from the environment, else the one start.ts generated into .data/. */
function fromDataDir(name, file) {
  if (process.env[name]) return;
  const full = path.join(dataDir, file);
  if (existsSync(full)) process.env[name] = readFileSync(full, "utf8").trim();
}

fromDataDir("NEXTAUTH_SECRET", "nextauth-secret");
let embedded;
let stopping = false;
if (!process.env.DATABASE_URL) {
  // With PostgreSQL the operator sets CREDENTIALS_KEY; the generated one belongs to the embedded database.
  fromDataDir("CREDENTIALS_KEY", "credentials-key");
  // The embedded database runs in a thread of its own (PGlite's queries would otherwise run on
  // this event loop, and concurrent requests queue behind each other for seconds); this server
  // reaches it through pg like PostgreSQL. It ends with this process; this process cannot serve
  // without it.
  embedded = await startEmbeddedDatabase();
  process.env.DATABASE_URL = embedded.url;
  embedded.worker.once("exit", (code) => {
    if (stopping) return;
    console.error(`The embedded database thread ended (exit code ${code}); stopping the server.`);
    process.exit(1);
  });
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: root, port, hostname: process.env.HOSTNAME });
await app.prepare();
const handle = app.getRequestHandler();
// The REST API skips Next's router: lib/operations/node-edge answers /api/v1 with the operation
// pipeline directly (the same one the route files run); everything else is Next's.
// API_EDGE=off sends /api/v1 through Next's route files too (bench/http.ts compares the two).
let edge;
if (process.env.API_EDGE !== "off") {
  if (!edgeIsCurrent(root)) await buildEdge(root);
  edge = await import(pathToFileURL(path.join(root, EDGE_BUNDLE)).href);
}
let shutdownStarted = false;
const server = http.createServer((req, res) => {
  // While stopping, a request on a kept-alive connection is answered and its connection closed.
  if (shutdownStarted) res.setHeader("Connection", "close");
  return edge?.handlesRequest(req) ? edge.handleRequest(req, res) : handle(req, res);
});
// Requests Node's parser refuses before any handler runs get the API's rpcStatus JSON (scripts/client-error.mjs).
server.on("clientError", answerClientError);
server.listen(port, process.env.HOSTNAME, () => console.log(`Serving on http://localhost:${port} (pid ${process.pid}).`));
// Stopping (Ctrl-C, SIGTERM): no new connections; kept-alive ones are closed as soon as they are
// idle; requests in flight get SHUTDOWN_GRACE_MS (default 10 s) to finish before their connections
// are cut, so a client that never finishes its request cannot keep the server up. Another signal
// a second or more later stops at once; one sooner is the same stop delivered twice (Ctrl-C under
// `npm start` reaches this process from the terminal and again from npm, which forwards it).
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
const REPEAT_WINDOW_MS = 1000;
let shutdownAt = 0;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (shutdownStarted) {
      if (Date.now() - shutdownAt < REPEAT_WINDOW_MS) return;
      console.error(`${signal} again: stopping without waiting.`);
      process.exit(1);
    }
    shutdownAt = Date.now();
    shutdownStarted = true;
    server.close(async () => {
      // The embedded database closes PGlite (its files then need no recovery on the next start).
      stopping = true;
      globalThis[Symbol.for("wsa.stopping")] = true; // lib/prisma-client: the pool's connections end now
      await embedded?.stop();
      process.exit(0);
    });
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      console.error(`Requests still open after ${graceMs} ms; closing their connections.`);
      server.closeAllConnections();
    }, graceMs).unref();
  });
}
