// The server's lean edge for the REST API: scripts/serve.mjs hands every request under /api/v1
// to this node (req, res) handler instead of Next's router, so an API call pays for the
// operation pipeline (lib/operations/serve + lib/auth/route) and nothing else. Bundled at build
// time (scripts/build-edge.mjs); `next dev` and the tests keep using the route files, which run
// the same dispatcher over the same registry.
//
// What Next's path did before a route handler ran is done here the same way: proxy.ts's refusal
// of an undecodable path and its treatment of forwarding headers (the peer goes into
// X-Forwarded-For, as Next writes it), and Next's response compression. Requests this edge is not
// sure to answer as Next would (HEAD and OPTIONS, which Next derives; a trailing slash, which it
// redirects; dot segments and unusual characters, which URL parsing rewrites) are left to Next.

import "server-only";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sanitizeForwardingHeadersInPlace, type MutableHeaders } from "../api/client-address";
import { malformedPath } from "../api/errors";
import { errorReply, requestIdOf, type ApiReply, type ApiRequest } from "../api/http";
import { pathIsDecodable } from "../api/query";
import { OPERATIONS } from "./index";
import { API_BASE, serveAll } from "./serve";

const dispatch = serveAll(OPERATIONS);

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
// Plain segments of the characters a URL path keeps as they are; no empty, `.` or `..` segment
// (also not percent-encoded), no trailing slash.
const PLAIN_PATH = /^\/api\/v1(\/(?!\.{1,2}(\/|$))(?!%2e)[A-Za-z0-9\-._~!$&'()*+,;=:@%]+)+$/i;
const DOT_ESCAPE = /%2e/i;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type Compression = (() => Middleware) & { filter(req: IncomingMessage, res: ServerResponse): boolean };
// Next compresses every answer it gives (gzip for clients that accept it, above 1 kB); so does this edge, with Next's own copy of the middleware.
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as Compression;
const compress = compression();
const compressing = new WeakSet<ServerResponse>();
// The middleware's own test of Cache-Control.
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;

/**
 * The answer as the compression middleware leaves it for a client that sent no Accept-Encoding
 * (identity is then the only coding it accepts): unchanged, with `Vary: Accept-Encoding` on an
 * answer it would have compressed for another client. Wrapping every response in the middleware
 * for that cost ~4% of a list request's CPU.
 */
function varyAsCompressionDoes(req: IncomingMessage, res: ServerResponse): void {
  if (compression.filter(req, res) && !NO_TRANSFORM.test(String(res.getHeader("cache-control") ?? ""))) res.setHeader("Vary", "Accept-Encoding");
}

/** Whether this edge answers the request; anything else goes to Next. */
export function handlesRequest(req: IncomingMessage): boolean {
  const url = req.url ?? "";
  if (!METHODS.has(req.method ?? "") || !url.startsWith(`${API_BASE}/`)) return false;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  return PLAIN_PATH.test(pathname) && !DOT_ESCAPE.test(pathname);
}

const SAFE_HOST = /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/;

/**
 * The request body as a Web stream that starts reading only when the pipeline reads it (no
 * read-ahead: highWaterMark 0). A body nobody read (an answer given before it: a 401, or a 413
 * for a declared length over the limit) is then discarded by Node after the response, and the
 * connection stays usable for the client's next request. A body given up part way (over the
 * limit as it arrived) is left unread, and `send` closes the connection after the answer.
 */
function lazyBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        chunks ??= req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
    },
    { highWaterMark: 0 },
  );
}

// HTTP whitespace, which `Headers` strips from both ends of a value.
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * A request's headers as `Headers` reads them (names case-insensitive, a repeated header's
 * values joined with ", ", values without surrounding whitespace), without building one.
 */
class NodeHeaders implements MutableHeaders {
  private readonly values = new Map<string, string>();

  constructor(rawHeaders: string[]) {
    for (let i = 0; i < rawHeaders.length; i += 2) this.append(rawHeaders[i], rawHeaders[i + 1]);
  }

  private append(name: string, value: string): void {
    const key = name.toLowerCase();
    const clean = value.replace(HTTP_WHITESPACE, "");
    const previous = this.values.get(key);
    this.values.set(key, previous === undefined ? clean : `${previous}, ${clean}`);
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.values.set(name.toLowerCase(), value.replace(HTTP_WHITESPACE, ""));
  }

  delete(name: string): void {
    this.values.delete(name.toLowerCase());
  }
}

/** The request the pipeline takes, with the headers a route handler would have seen. */
function apiRequest(req: IncomingMessage): ApiRequest {
  const host = req.headers.host && SAFE_HOST.test(req.headers.host) ? req.headers.host : "localhost";
  const headers = new NodeHeaders(req.rawHeaders);
  sanitizeForwardingHeadersInPlace(headers);
  // What Next fills in where proxy.ts left no forwarding header (the socket's view of the hop).
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", req.headers.host ?? host);
  if (!headers.has("x-forwarded-port")) headers.set("x-forwarded-port", String(req.socket.localPort ?? 80));
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", "http");
  if (req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  const length = req.headers["content-length"];
  const hasBody = req.method !== "GET" && (length !== undefined ? length !== "0" : req.headers["transfer-encoding"] !== undefined);
  // Parsed as `new Request` would: a URL that does not parse is refused the same way (the caller answers it).
  const url = new URL(`http://${host}${req.url}`).href;
  return { method: req.method ?? "GET", url, headers, body: hasBody ? lazyBody(req) : null };
}

/** Writes an answer to the socket: JSON from its text at once, a stream as it comes. */
async function send(reply: ApiReply, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The pipeline's answers carry no Vary of their own; one that did would go through the middleware, which merges it.
  const identity = req.headers["accept-encoding"] === undefined && reply.headers.vary === undefined;
  if (!identity && !compressing.has(res)) {
    compressing.add(res);
    compress(req, res, () => {});
  }
  res.statusCode = reply.status;
  // A body read part way and given up (over the limit): the rest of it is still on the wire, so
  // this connection cannot carry another request; it closes after the answer. (A body never read
  // is discarded by Node and the connection stays open.)
  if (res.req.readableDidRead && !res.req.readableEnded) res.setHeader("connection", "close");
  // In the order a Response's headers are read (sorted), as the route files' answers have them.
  for (const name of Object.keys(reply.headers).sort()) res.setHeader(name, reply.headers[name]);
  if (reply.stream) {
    if (identity) varyAsCompressionDoes(req, res);
    await pipeline(Readable.fromWeb(reply.stream as import("node:stream/web").ReadableStream), res);
    return;
  }
  if (reply.text === null) {
    if (identity) varyAsCompressionDoes(req, res);
    res.end();
    return;
  }
  // With its length the answer goes out as headers and body in one write; without it, Node
  // sends it chunked (compression writes the headers before the body it was handed). The
  // compression middleware drops the length when it compresses.
  res.setHeader("content-length", Buffer.byteLength(reply.text));
  // Last, where the middleware adds it (as the headers are written).
  if (identity) varyAsCompressionDoes(req, res);
  res.end(reply.text);
}

/** The node handler for a request `handlesRequest` accepted. */
export function handleRequest(req: IncomingMessage, res: ServerResponse): void {
  let request: ApiRequest | undefined;
  const answer = async () => {
    request = apiRequest(req);
    if (!pathIsDecodable(new URL(request.url).pathname)) return errorReply(malformedPath(), requestIdOf(request));
    return dispatch(request);
  };
  answer()
    .then((response) => send(response, req, res))
    .catch((error: unknown) => {
      // The pipeline answers its own errors: this is a request whose URL does not parse, or a
      // write that failed (the client went away).
      if (res.headersSent) return res.destroy();
      const requestId = request ? requestIdOf(request) : `req_${randomUUID().replaceAll("-", "")}`;
      send(errorReply(error, requestId), req, res).catch(() => res.destroy());
    });
}
