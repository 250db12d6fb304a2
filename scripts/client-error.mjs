// The server's answer to a request Node's HTTP parser refuses before any handler runs (the
// server's "clientError" event). Node's own answer is a bare status line with no body; an API
// client gets the API's rpcStatus JSON instead, with a request id, like every other refusal:
// a request line and headers over Node's limit (16 KB, --max-http-header-size) are 431
// RESOURCE_EXHAUSTED; anything else unparsable is 400 INVALID_ARGUMENT. Plain ESM: scripts/serve.mjs
// runs without a TypeScript loader; the tests' in-process edge server uses it too.

import { randomUUID } from "node:crypto";

/** lib/api/errors.ts's ERROR_DOMAIN (pinned by e2e/api/trust-boundaries.spec.ts). */
const ERROR_DOMAIN = "workspaces.api";

/** @param {Error & { code?: string }} error @param {import("node:stream").Duplex} socket */
export function answerClientError(error, socket) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const requestId = `req_${randomUUID().replaceAll("-", "")}`;
  const body = JSON.stringify({
    code: tooLarge ? 8 : 3,
    message: tooLarge ? "The request's URL and headers are larger than the server accepts." : "The request is not valid HTTP.",
    details: [
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: tooLarge ? "REQUEST_HEADERS_TOO_LARGE" : "MALFORMED_REQUEST", domain: ERROR_DOMAIN, metadata: {} },
      { "@type": "type.googleapis.com/google.rpc.RequestInfo", request_id: requestId },
    ],
  });
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}
