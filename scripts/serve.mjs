// The server `npm start` leaves running: one Node process serving the built app, with nothing
// between it and npm (no tsx, no npx, no second node). `scripts/start.ts` runs first and exits:
// it builds when sources changed, migrates or prepares the embedded database and keeps the
// generated secrets in .data/, which this file reads back the same way.
//
//   node scripts/serve.mjs            (after `tsx scripts/start.ts`; `npm start` runs both)
//
// Heap flags were measured and left at V8's defaults: with --max-semi-space-size=4 and
// --max-old-space-size=256 (or 384) this process peaked at 235-265 MB under the bench's load instead
// of 262-331 MB, but spent 25-35% more CPU per request on collections (ListWorkspaces 3.7-4.0 ms
// against 2.7-3.1 ms in the same minutes). V8 reads heap sizes only at start
// (v8.setFlagsFromString cannot change them here): to trade that CPU for memory, put them
// before scripts/serve.mjs in package.json's start script (bench/http.ts runs what it names).

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
if (!process.env.DATABASE_URL) {
  // With PostgreSQL the operator sets CREDENTIALS_KEY; the generated one belongs to the embedded database.
  fromDataDir("CREDENTIALS_KEY", "credentials-key");
  // The embedded database runs in a process of its own (PGlite's queries would otherwise run on
  // this event loop, and concurrent requests queue behind each other for seconds); this server
  // reaches it through pg like PostgreSQL. It ends with this process; this process cannot serve
  // without it.
  const embedded = await startEmbeddedDatabase();
  process.env.DATABASE_URL = embedded.url;
  embedded.child.once("exit", (code, signal) => {
    console.error(`The embedded database process ended (${signal ?? `exit code ${code}`}); stopping the server.`);
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
const server = http.createServer((req, res) => (edge?.handlesRequest(req) ? edge.handleRequest(req, res) : handle(req, res)));
// Requests Node's parser refuses before any handler runs get the API's rpcStatus JSON (scripts/client-error.mjs).
server.on("clientError", answerClientError);
server.listen(port, process.env.HOSTNAME, () => console.log(`Serving on http://localhost:${port} (pid ${process.pid}).`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
