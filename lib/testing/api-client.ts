// Calls the app's route handlers in-process, the way Next routes a request: the path is matched
// against app/api/**/route.ts (static segments before dynamic ones, catch-alls last).

import { readdirSync } from "node:fs";
import path from "node:path";

interface RouteEntry {
  segments: string[];
  file: string;
}

const appDir = path.resolve(process.cwd(), "app");

function discover(dir: string, prefix: string[] = []): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const isGroup = /^\(.*\)$/.test(entry.name);
      out.push(...discover(path.join(dir, entry.name), isGroup ? prefix : [...prefix, entry.name]));
    } else if (entry.name === "route.ts") {
      out.push({ segments: prefix, file: path.join(dir, entry.name) });
    }
  }
  return out;
}

let routes: RouteEntry[] | undefined;

/** A segment as Next decodes it for matching; a malformed escape is not this route's static text. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function rank(segment: string): number {
  if (segment.startsWith("[...")) return 2;
  if (segment.startsWith("[")) return 1;
  return 0;
}

function match(entry: RouteEntry, parts: string[]): Record<string, string | string[]> | undefined {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < entry.segments.length; i++) {
    const seg = entry.segments[i];
    if (seg.startsWith("[...")) {
      if (i >= parts.length) return undefined;
      params[seg.slice(4, -1)] = parts.slice(i);
      return params;
    }
    if (i >= parts.length) return undefined;
    if (seg.startsWith("[")) params[seg.slice(1, -1)] = parts[i];
    else if (seg !== safeDecode(parts[i])) return undefined;
  }
  return entry.segments.length === parts.length ? params : undefined;
}

function findRoute(pathname: string) {
  routes ??= discover(appDir).sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const d = rank(a.segments[i] ?? "") - rank(b.segments[i] ?? "");
      if (d !== 0) return d;
    }
    return b.segments.length - a.segments.length;
  });
  const parts = pathname.split("/").filter(Boolean);
  for (const entry of routes) {
    const params = match(entry, parts);
    if (params) return { entry, params };
  }
  return undefined;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON and size tests). */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

/** Sends one request through the matching route handler. */
export async function call<T = any>(method: string, url: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const full = new URL(url, "http://localhost");
  const found = findRoute(full.pathname);
  if (!found) throw new Error(`no route file matches ${full.pathname}`);
  const mod = (await import(/* @vite-ignore */ found.entry.file)) as Record<string, unknown>;
  const handler = mod[method] as ((req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>) | undefined;
  if (!handler) {
    const allow = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    return { status: 405, headers: new Headers({ allow: allow.join(", ") }), body: null as T };
  }
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const req = new Request(full, { method, headers, body });
  // As Next.js does: a route without dynamic segments gets no params object at all.
  const params = Object.keys(found.params).length ? found.params : undefined;
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  // A streamed file (CSV export) comes back as its text.
  const json = !res.headers.get("content-type") || res.headers.get("content-type")!.includes("json");
  return { status: res.status, headers: res.headers, body: (text ? (json ? JSON.parse(text) : text) : null) as T };
}

export const api = {
  get: <T = any>(url: string, o?: CallOptions) => call<T>("GET", url, o),
  post: <T = any>(url: string, o?: CallOptions) => call<T>("POST", url, o),
  patch: <T = any>(url: string, o?: CallOptions) => call<T>("PATCH", url, o),
  delete: <T = any>(url: string, o?: CallOptions) => call<T>("DELETE", url, o),
};
