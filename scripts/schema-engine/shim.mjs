#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, backed by the WebAssembly engine.
//
// The Prisma CLI starts the schema engine as a child process and talks to it in three ways; this
// script answers all three:
//
//   schema-engine --version
//       -> "schema-engine-cli <commit>" (the CLI checks the commit to decide whether it must
//          download an engine: it must equal @prisma/engines-version's enginesVersion).
//
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//       -> one-shot commands. Failures are reported like the native engine: exit code 1 and JSON
//          log lines on stderr, one with level ERROR, target "schema_engine::logger" and
//          fields.error_code / fields.message (the CLI creates the database on P1003).
//
//   schema-engine --datamodels <file> [--datamodels <file> …] --datasource '{"url":…}'
//       -> a JSON-RPC 2.0 server, one JSON message per line on stdin/stdout; engine logs go to
//          stderr as JSON lines. Requests are served one at a time, in order.
//
// Only PostgreSQL URLs are supported (see ./pg.mjs).

import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";

// Anything on stderr that is not a JSON line breaks the CLI's parsing of `cli …` failures.
process.removeAllListeners("warning");
process.on("warning", () => {});

const ENGINE_ERROR_CODE = 4466; // the JSON-RPC error code the native engine uses for its errors

// ---------------------------------------------------------------------------------------------
// Argument parsing

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, version: false, help: false, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--datamodels":
      case "-d":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = JSON.parse(value());
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        value(); // accepted for compatibility; the wasm engine takes neither
        break;
      case "cli":
        args.cli = argv[i + 1] ?? null;
        i = argv.length;
        break;
      default:
        if (arg.startsWith("--datamodels=")) args.datamodels.push(arg.slice("--datamodels=".length));
        else if (arg.startsWith("--datasource=")) args.datasource = JSON.parse(arg.slice("--datasource=".length));
        // Unknown flags are ignored, as a newer CLI may pass more than we know about.
        break;
    }
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// stderr logging in the native engine's format

// The CLI swallows the engine's stderr (and talks to it through pipes). For debugging, set
// SCHEMA_ENGINE_SHIM_LOG=/some/file: every RPC message and log line is appended there.
const traceFile = process.env.SCHEMA_ENGINE_SHIM_LOG || null;
function trace(direction, text) {
  if (!traceFile) return;
  try {
    appendFileSync(traceFile, `${new Date().toISOString()} [${process.pid}] ${direction} ${text.trimEnd()}\n`);
  } catch {}
}

function writeStderr(text) {
  trace("stderr", text);
  process.stderr.write(text);
}

function logLine(level, fields, target = "schema_engine::logger") {
  writeStderr(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`);
}

/** The engine's log callback: entries arrive as JSON strings (usually newline-terminated). */
function forwardEngineLog(entry) {
  const text = typeof entry === "string" ? entry : JSON.stringify(entry);
  writeStderr(text.endsWith("\n") ? text : `${text}\n`);
}

// ---------------------------------------------------------------------------------------------
// Errors

/** Converts anything thrown into the `data` of a native-style JSON-RPC error. */
function errorData(error, normalizeEngineError) {
  const normalized = normalizeEngineError ? normalizeEngineError(error) : null;
  if (normalized?.prismaError) return normalized.prismaError;
  return { is_panic: false, message: error?.message ?? String(error), error_code: error?.code, meta: error?.meta };
}

// ---------------------------------------------------------------------------------------------
// `cli …` one-shot commands

async function runCliCommand(args) {
  const pgHelpers = await import("./pg.mjs");
  const url = args.datasource?.url;
  // The first stderr line is skipped by the CLI; the following ones must all be JSON.
  logLine("INFO", { message: `Starting schema engine CLI (wasm shim): ${args.cli}` }, "schema_engine_cli");
  const fail = (fields) => {
    logLine("ERROR", { is_panic: false, ...fields });
    process.exitCode = 1;
  };
  if (!pgHelpers.isPostgresUrl(url)) {
    fail({ message: "The schema engine shim supports postgresql:// URLs only (--datasource {\"url\": …})." });
    return;
  }
  const target = pgHelpers.parsePostgresUrl(url);
  try {
    switch (args.cli) {
      case "can-connect-to-database":
        await pgHelpers.checkConnection(url);
        process.stdout.write("Connection successful\n");
        return;
      case "create-database": {
        await pgHelpers.ensureDatabase(url);
        process.stdout.write(`Database '${target.database}' was successfully created.\n`);
        return;
      }
      case "drop-database":
        await pgHelpers.dropDatabase(target.config, target.database, { ifExists: false });
        process.stdout.write("The database was successfully dropped.\n");
        return;
      default:
        fail({ message: `Unknown cli command: ${args.cli}` });
        return;
    }
  } catch (error) {
    const { error_code, message } = pgHelpers.describeConnectionError(error, target);
    fail(error_code ? { error_code, message } : { message });
  }
}

// ---------------------------------------------------------------------------------------------
// The JSON-RPC server

async function serveJsonRpc(args) {
  const { openSchemaEngine, normalizeEngineError, ensureDatabase, isPostgresUrl, parsePostgresUrl } =
    await import("./index.mjs");

  const datamodels = args.datamodels.map((file) => {
    const absolute = path.resolve(file);
    return [absolute, readFileSync(absolute, "utf8")];
  });
  const url = args.datasource?.url;
  const shadowDatabaseUrl = args.datasource?.shadowDatabaseUrl || undefined;

  /** @type {Awaited<ReturnType<typeof openSchemaEngine>> | null} */
  let opened = null;
  async function getEngine() {
    if (!opened) {
      opened = await openSchemaEngine({
        url,
        shadowDatabaseUrl,
        datamodels,
        onLog: forwardEngineLog,
        debug: (message) => logLine("DEBUG", { message }, "schema_engine_shim"),
      });
    }
    return opened.engine;
  }

  // Requests we send to the CLI (only `print`), waiting for its answer.
  let nextOutgoingId = 1;
  const awaitingReply = new Map();
  function send(message) {
    const text = JSON.stringify(message);
    trace("->", text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
    process.stdout.write(`${text}\n`);
  }
  function requestFromClient(method, params) {
    const id = `shim-${nextOutgoingId++}`;
    return new Promise((resolve) => {
      awaitingReply.set(id, resolve);
      send({ jsonrpc: "2.0", id, method, params });
    });
  }

  async function withShadowSchema(params, call) {
    const engine = await getEngine();
    try {
      return await call(engine);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message ?? "")) throw error;
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return call(engine);
    }
  }

  /** Methods that are not a plain call of the wasm engine's method of the same name. */
  const handlers = {
    async getDatabaseVersion(params) {
      return (await getEngine()).version(params ?? undefined);
    },

    async diff(params) {
      const result = await (await getEngine()).diff(params);
      // The native engine prints the diff through a `print` request to the CLI (which writes it
      // to its stdout, or to the --output file) and answers with the exit code only.
      if (result?.stdout) await requestFromClient("print", { content: result.stdout.replace(/\n$/, "") });
      return { exitCode: result?.exitCode ?? 0 };
    },

    // The wasm engine computes the shadow database's schema (migration history replayed) in
    // devDiagnostic and caches it; createMigration / evaluateDataLoss only read that cache and
    // fail with "PostgreSQL shadow DB must be provided through an external factory" without it.
    // `migrate dev` always calls devDiagnostic first; for any other caller, run it and retry.
    async createMigration(params) {
      return withShadowSchema(params, (engine) => engine.createMigration(params));
    },
    async evaluateDataLoss(params) {
      return withShadowSchema(params, (engine) => engine.evaluateDataLoss(params));
    },

    // Not part of the wasm engine: done with pg directly.
    async createDatabase(params) {
      const target = params?.datasource?.url ?? url;
      if (!isPostgresUrl(target)) throw new Error("createDatabase: a postgresql:// URL is required");
      await ensureDatabase(target);
      return { databaseName: parsePostgresUrl(target).database };
    },

    async getDatabaseDescription() {
      throw new Error("getDatabaseDescription is not supported by the WebAssembly schema engine.");
    },

    async debugPanic() {
      (await getEngine()).debugPanic();
      return {};
    },
  };

  async function dispatch(method, params) {
    if (Object.hasOwn(handlers, method)) return handlers[method](params);
    const engine = await getEngine();
    if (typeof engine[method] !== "function" || method === "free" || method.startsWith("_")) {
      const error = new Error(`Method not found: ${method}`);
      error.rpcCode = -32601;
      throw error;
    }
    return engine[method](params);
  }

  let shuttingDown = false;
  let panicked = false;
  async function shutdown(exitCode) {
    if (shuttingDown) return;
    shuttingDown = true;
    try {
      await opened?.close();
    } finally {
      process.exit(panicked ? 101 : exitCode);
    }
  }

  /** Answers `id` with an error built from `error`; exits like the native engine on a panic. */
  function sendError(id, error) {
    const data = errorData(error, normalizeEngineError);
    // For panics the CLI prints `data.error.message ?? message`: give it the panic message.
    const message = data.is_panic ? data.message : "An error happened. Check the data field for details.";
    if (data.is_panic) data.error = { message: data.message };
    send({ jsonrpc: "2.0", id, error: { code: ENGINE_ERROR_CODE, message, data } });
    if (data.is_panic) {
      // Nothing is safe to call on a wasm instance after a panic: exit like the native engine
      // does (101), once the answer is flushed.
      panicked = true;
      logLine("ERROR", data);
      process.stdout.write("", () => shutdown(101));
    }
  }

  // A Rust panic inside an engine future surfaces as an uncaught `RuntimeError: unreachable`
  // (not as a rejected promise): answer the request in flight with a panic error. Anything else
  // uncaught is a bug here or in the adapter: answer with it and exit, as the call in flight may
  // never settle.
  let inFlight = null;
  const onCrash = (error) => {
    const isPanic = error instanceof WebAssembly.RuntimeError;
    if (inFlight !== null) {
      const id = inFlight;
      inFlight = null;
      sendError(id, error); // exits with 101 on a panic
    } else {
      logLine("ERROR", errorData(error, normalizeEngineError));
    }
    if (isPanic) {
      panicked = true;
      shutdown(101);
    } else {
      process.stdout.write("", () => shutdown(1));
    }
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);

  // One request at a time: the engine's methods take `&mut self`.
  let queue = Promise.resolve();
  function handleRequest(message) {
    queue = queue.then(async () => {
      if (shuttingDown) return;
      inFlight = message.id;
      try {
        const result = await dispatch(message.method, message.params);
        if (inFlight === null) return; // already answered by onCrash
        send({ jsonrpc: "2.0", id: message.id, result: result ?? null });
      } catch (error) {
        if (inFlight === null) return;
        if (error?.rpcCode) {
          send({ jsonrpc: "2.0", id: message.id, error: { code: error.rpcCode, message: error.message } });
          return;
        }
        sendError(message.id, error);
      } finally {
        inFlight = null;
      }
    });
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    trace("<-", line.length > 2000 ? `${line.slice(0, 2000)}…` : line);
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method !== undefined && message.id !== undefined) handleRequest(message);
    else if (message.method !== undefined) {
      // A notification: nothing to answer, nothing we need to act on.
    } else if (awaitingReply.has(message.id)) {
      const resolve = awaitingReply.get(message.id);
      awaitingReply.delete(message.id);
      resolve(message);
    }
  });
  // The CLI ends stdin when it is done (and on Linux sends SIGTERM right after): finish what is
  // queued, close pools, drop shadow databases, exit.
  lines.on("close", () => {
    queue.finally(() => shutdown(0));
  });
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
    process.on(signal, () => {
      shutdown(0);
    });
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  trace("argv", JSON.stringify(process.argv.slice(2)).replace(/(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/g, "$1***@"));
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { schemaEngineVersion } = await import("./wasm.mjs");
    process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()}\n`);
    return;
  }
  if (args.help) {
    process.stdout.write(
      "schema-engine (wasm shim)\n\n" +
        "  --version                          print the engine version\n" +
        "  --datamodels <file>                a Prisma schema file (repeatable)\n" +
        "  --datasource '{\"url\":\"postgresql://…\"}'\n" +
        "  cli can-connect-to-database|create-database|drop-database\n\n" +
        "Without `cli`, serves JSON-RPC on stdin/stdout.\n",
    );
    return;
  }
  if (args.cli) {
    await runCliCommand(args);
    return;
  }
  await serveJsonRpc(args);
}

main().catch((error) => {
  logLine("ERROR", { is_panic: false, message: error?.stack ?? String(error) });
  process.exit(1);
});
