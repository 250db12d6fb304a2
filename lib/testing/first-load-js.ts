// First-load JS of every page, from `next build`'s own output: `.next/diagnostics/route-bundle-stats.json`
// lists, per route, the chunks a first visit loads (the root runtime, the route's layouts, pages,
// error and loading boundaries, and the client components its server components reference, such
// as next/link). Each chunk is gzipped (level 9) as a server would send it. Used by
// e2e/api/first-load-js.spec.ts (the budget) and bench/console.ts (the table).

import { existsSync, readFileSync } from "node:fs";
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
  return stats
    .filter((r) => isPageRoute(r.route))
    .map((r) => {
      const files = [...new Set(r.firstLoadChunkPaths.filter((f) => f.endsWith(".js")))];
      return {
        route: r.route,
        chunks: files.length,
        gzipBytes: files.reduce((n, f) => n + sizeOf(f).gz, 0),
        rawBytes: files.reduce((n, f) => n + sizeOf(f).raw, 0),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
