// Bundles the REST API's node edge (lib/operations/node-edge.ts) into .next/wsa-edge/, which
// scripts/serve.mjs imports. Run by `npm run build` and scripts/start.ts after `next build`; serve.mjs
// runs it too when the bundle is missing or older than the Next build (a bare `next build` wipes it).
//
//   node scripts/build-edge.mjs

import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SERVER_EXTERNAL_PACKAGES } from "./server-externals.mjs";

export const EDGE_BUNDLE = path.join(".next", "wsa-edge", "api.mjs");

// Loaded by Node from node_modules: what Next keeps external too, the database client whose
// generated code imports the drivers, Redis, and Next (its compression middleware).
const EXTERNAL = [...SERVER_EXTERNAL_PACKAGES, "ioredis", "next", "@prisma/client", "@prisma/adapter-pg", "@prisma/driver-adapter-utils"];

/** Builds the bundle under `root`; returns its path. */
export async function buildEdge(root = process.cwd()) {
  const esbuild = await import("esbuild");
  const outfile = path.join(root, EDGE_BUNDLE);
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ["lib/operations/node-edge.ts"],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // The server graph, as Next compiles it (`server-only` is empty there).
      conditions: ["react-server"],
      external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
      // Bundled CommonJS dependencies call require() for Node's own modules.
      banner: { js: 'import { createRequire as __wsaCreateRequire } from "node:module"; const require = __wsaCreateRequire(import.meta.url);' },
      logLevel: "warning",
      legalComments: "none",
    });
  } finally {
    // The build service is a child process; the server must not keep it.
    await esbuild.stop?.();
  }
  return outfile;
}

/** Whether the bundle exists and is newer than the Next build beside it. */
export function edgeIsCurrent(root = process.cwd()) {
  try {
    return statSync(path.join(root, EDGE_BUNDLE)).mtimeMs >= statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = Date.now();
  const out = await buildEdge();
  console.log(`Built ${path.relative(process.cwd(), out)} in ${Date.now() - started} ms.`);
}
