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

let edgeServer: Promise<string> | undefined;

/** An in-process HTTP server on the node edge (lib/operations/node-edge), as scripts/serve.mjs runs it (its clientError answer too); its origin. */
export function edgeOrigin(): Promise<string> {
  edgeServer ??= (async () => {
    const http = await import("node:http");
    const { handleRequest } = await import("../operations/node-edge");
    const { answerClientError } = await import("../../scripts/client-error.mjs");
    const server = http.createServer(handleRequest);
    server.on("clientError", answerClientError);
    // Longer than any pause between a test's requests: an idle connection the server closed just
    // as the client reused it would fail the request (ECONNRESET) on a slow machine.
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.unref();
    return `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
  })();
  return edgeServer;
}

/** Sends one request through the matching route handler (with API_VIA=edge: over HTTP to the node edge). */
export async function call<T = any>(method: string, url: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
  if (process.env.API_VIA === "edge") return callEdge<T>(method, url, options);
  const full = new URL(url, "http://localhost");
  const found = findRoute(full.pathname);
  if (!found) throw new Error(`no route file matches ${full.pathname}`);
  const mod = (await import(/* @vite-ignore */ found.entry.file)) as Record<string, unknown>;
  const handler = mod[method] as ((req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>) | undefined;
  if (!handler) {
    const allow = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    return { status: 405, headers: new Headers({ allow: allow.join(", ") }), body: null as T };
  }
  const { headers, body } = requestParts(options);
  const req = new Request(full, { method, headers, body });
  // As Next.js does: a route without dynamic segments gets no params object at all.
  const params = Object.keys(found.params).length ? found.params : undefined;
  return asApiResponse<T>(await handler(req, { params: Promise.resolve(params) }));
}

function requestParts(options: CallOptions): { headers: Headers; body: string | Uint8Array<ArrayBuffer> | undefined } {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return { headers, body };
}

async function asApiResponse<T>(res: Response): Promise<ApiResponse<T>> {
  const text = await res.text();
  // A streamed file (CSV export) comes back as its text.
  const json = !res.headers.get("content-type") || res.headers.get("content-type")!.includes("json");
  return { status: res.status, headers: res.headers, body: (text ? (json ? JSON.parse(text) : text) : null) as T };
}

/**
 * The same request over HTTP to the node edge, as a server would receive it: forwarding headers a
 * test sets are the client's own (ignored without TRUST_PROXY), the peer is 127.0.0.1.
 */
async function callEdge<T>(method: string, url: string, options: CallOptions): Promise<ApiResponse<T>> {
  const { headers, body } = requestParts(options);
  const given = new URL(url, "http://localhost");
  const full = new URL(`${given.pathname}${given.search}`, await edgeOrigin());
  return asApiResponse<T>(await fetch(full, { method, headers, body }));
}

export const api = {
  get: <T = any>(url: string, o?: CallOptions) => call<T>("GET", url, o),
  post: <T = any>(url: string, o?: CallOptions) => call<T>("POST", url, o),
  patch: <T = any>(url: string, o?: CallOptions) => call<T>("PATCH", url, o),
  delete: <T = any>(url: string, o?: CallOptions) => call<T>("DELETE", url, o),
};
