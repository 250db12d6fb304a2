// First-load JS of every page, from `next build`'s own output: `.next/diagnostics/route-bundle-stats.json`
// lists, per route, the chunks a first visit loads (the root runtime, the route's layouts, pages,
// error and loading boundaries, and the client components its server components reference, such
// as next/link). Each chunk is gzipped (level 9) as a server would send it. Used by
// e2e/api/first-load-js.spec.ts (the budget) and bench/console.ts (the table).
//
// Left out: chunks that only a not-found page needs (app/not-found.tsx's own next/link chunk,
// 3.2 kB). Next lists them for every route, but the browser fetches them only when a not-found
// page renders: checked in Chromium on the workspace list, members, activity, mail, a
// workspace's activity and the organization's settings, whose every listed chunk but that one
// was fetched before the page hydrated, and nothing else. Which entry a chunk serves comes from
// the route's page_client-reference-manifest.js.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  route: string;
  chunks: number;
  gzipBytes: number;
  rawBytes: number;
}

interface RouteBundleStats {
  route: string;
  firstLoadChunkPaths: string[];
}

/** Routes that are pages a browser opens (not route handlers or Next's internal error pages). */
export const isPageRoute = (route: string) => !route.startsWith("/api/") && !route.startsWith("/_");

/** The route ("/o/[org]/activity") of an app-dir page key ("/(console)/o/[org]/activity/page"). */
const routeOfPage = (page: string) => page.replace(/\/page$/, "").replace(/\/\([^/)]+\)/g, "") || "/";

/**
 * Per route, the chunks only its not-found boundaries load (in no other entry of the route: its
 * layouts, page, error and loading boundaries).
 */
function notFoundOnlyChunks(projectDir: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const appDir = path.join(projectDir, ".next", "server", "app");
  const files = existsSync(appDir) ? (readdirSync(appDir, { recursive: true }) as string[]).filter((f) => f.endsWith("page_client-reference-manifest.js")) : [];
  for (const file of files) {
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    new Function("globalThis", "self", readFileSync(path.join(appDir, file), "utf8"))(sandbox, sandbox);
    for (const [page, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const entries = Object.entries(manifest.entryJSFiles ?? {});
      const others = new Set(entries.filter(([entry]) => !entry.endsWith("/not-found")).flatMap(([, chunks]) => chunks));
      const only = entries.filter(([entry]) => entry.endsWith("/not-found")).flatMap(([, chunks]) => chunks).filter((c) => !others.has(c));
      out.set(routeOfPage(page), new Set(only.map((c) => path.join(".next", c))));
    }
  }
  return out;
}

export function firstLoadJs(projectDir: string): FirstLoad[] {
  const statsFile = path.join(projectDir, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: run \`npx next build\` first.`);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteBundleStats[];
  const sizes = new Map<string, { raw: number; gz: number }>();
  const sizeOf = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(path.resolve(projectDir, file));
      s = { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, s);
    }
    return s;
  };
  const notFoundOnly = notFoundOnlyChunks(projectDir);
  return stats
    .filter((r) => isPageRoute(r.route))
    .map((r) => {
      const skip = notFoundOnly.get(r.route) ?? new Set<string>();
      const files = [...new Set(r.firstLoadChunkPaths.filter((f) => f.endsWith(".js") && !skip.has(path.normalize(f))))];
      return {
        route: r.route,
        chunks: files.length,
        gzipBytes: files.reduce((n, f) => n + sizeOf(f).gz, 0),
        rawBytes: files.reduce((n, f) => n + sizeOf(f).raw, 0),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
