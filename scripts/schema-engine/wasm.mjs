// Loads Prisma's schema engine compiled to WebAssembly.
//
// Two pieces have to be put together by hand:
//   - the .wasm binary shipped inside the `prisma` CLI package
//     (node_modules/prisma/build/schema_engine_bg.wasm). Its `version()` is exactly the engine
//     commit the CLI expects (the `enginesVersion` of @prisma/engines-version), which is why we
//     use it rather than the one in @prisma/schema-engine-wasm;
//   - the wasm-bindgen JS glue from @prisma/schema-engine-wasm (`schema_engine_bg`). That package
//     is a "bundler" build (it does `import * as wasm from "./x.wasm"`, which Node cannot do), so
//     we instantiate the module ourselves and hand the exports to the glue.
//
// The module is instantiated once per process and cached.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** @type {Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | null} */
let loading = null;

/** Absolute path of the CLI's schema engine wasm binary. */
export function schemaEngineWasmPath() {
  // Resolve through the package (its "exports" map hides build/*.wasm, but not package.json) so
  // that hoisted and nested installs both work.
  return path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
}

/**
 * Rust panics inside the engine are reported through a global registry that the glue calls
 * (`PRISMA_WASM_PANIC_REGISTRY.set_message(...)`). Without it, a panic turns into the much less
 * helpful `Cannot read properties of undefined (reading 'set_message')`.
 */
function installPanicRegistry() {
  if (globalThis.PRISMA_WASM_PANIC_REGISTRY) return;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    set_message(message) {
      this.message = message;
    },
  };
}

/** The last panic message recorded by the engine ("" when none). */
export function lastPanicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.message ?? "";
}

/**
 * The engine arms timeouts (e.g. 10 s around its connection / lock operations) and, having no
 * clearTimeout import, never cancels them: each one would keep Node alive for its full length
 * after the work is done (a 0.2 s `migrate` took 10 s to exit). We hand the wasm module a
 * setTimeout that unrefs its timers; index.mjs keeps the process alive while an engine call is
 * pending instead (see keepAliveWhile).
 */
function withUnrefTimers(glue) {
  const imports = { ...glue };
  for (const name of Object.keys(glue)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    const original = glue[name];
    imports[name] = (...args) => {
      const timer = original(...args);
      timer?.unref?.();
      return timer;
    };
  }
  return imports;
}

let pendingCalls = 0;
let keepAliveTimer = null;

/**
 * Runs `fn` (sync or async) while holding the event loop open, so that an engine call waiting only
 * on one of its (unref'd) timers is not cut short by the process exiting.
 */
export function keepAliveWhile(fn) {
  if (pendingCalls++ === 0) keepAliveTimer = setInterval(() => {}, 1 << 30);
  const release = () => {
    if (--pendingCalls === 0) {
      clearInterval(keepAliveTimer);
      keepAliveTimer = null;
    }
  };
  let result;
  try {
    result = fn();
  } catch (error) {
    release();
    throw error;
  }
  if (result && typeof result.then === "function") return Promise.resolve(result).finally(release);
  release();
  return result;
}

/**
 * Instantiates the engine (once) and returns the glue module, whose exports include
 * `SchemaEngine` (with the static async `new(options, logCallback, adapterFactory)`) and
 * `version()`.
 */
export function loadSchemaEngineWasm() {
  if (!loading) {
    loading = (async () => {
      installPanicRegistry();
      const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
      const bytes = await readFile(schemaEngineWasmPath());
      // The wasm module imports everything from a module named after the glue file.
      const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(glue) });
      glue.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      return glue;
    })();
    // Do not cache a failure: a later call may succeed (e.g. after an install finished).
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The engine commit hash, e.g. "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8". */
export async function schemaEngineVersion() {
  const glue = await loadSchemaEngineWasm();
  return glue.version();
}
