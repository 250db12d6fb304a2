// The node edge (scripts/serve.mjs hands it /api/v1) answers as the route files do, and does what
// Next and proxy.ts did in front of them: the peer address as the client IP (client-sent
// forwarding headers ignored), an undecodable path refused as rpcStatus JSON, gzip for clients
// that accept it, streamed files; and it leaves to Next what Next answers itself.
// `API_VIA=edge npx vitest run app/api` runs the whole API suite through it.

import http from "node:http";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { api, edgeOrigin } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { handlesRequest } from "./node-edge";

let owner: TestUser;
let orgId: string;
let token: string;
let origin: string;

beforeAll(async () => {
  owner = await makeUser("Edge Owner");
  orgId = (await makeOrg(owner, "Edge Org")).organization_id;
  for (let i = 0; i < 12; i++) await makeWorkspace(owner, orgId, { title: `Edge ${i} ${"x".repeat(100)}` });
  token = await makeToken(owner);
  origin = await edgeOrigin();
});

/** A raw HTTP exchange, so nothing (no fetch) adds or rewrites headers or decodes the body. */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: Buffer }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const fakeRequest = (method: string, url: string) => ({ method, url }) as http.IncomingMessage;

describe("which requests the edge takes", () => {
  it("takes the REST methods on plain /api/v1 paths", () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) expect(handlesRequest(fakeRequest(method, "/api/v1/organizations/org_1/workspaces?page_size=2"))).toBe(true);
    expect(handlesRequest(fakeRequest("POST", "/api/v1/organizations/org_1/workspaces:batchCreate"))).toBe(true);
    expect(handlesRequest(fakeRequest("GET", "/api/v1/organizations/org_x%ED%A0%80y"))).toBe(true);
  });

  it("leaves to Next what Next answers itself: HEAD, OPTIONS, trailing slashes, dot segments, other paths", () => {
    expect(handlesRequest(fakeRequest("HEAD", "/api/v1/me"))).toBe(false);
    expect(handlesRequest(fakeRequest("OPTIONS", "/api/v1/me"))).toBe(false);
    for (const url of ["/api/v1/me/", "/api/v1", "/api/v1/", "/api/v1//me", "/api/v1/a/../me", "/api/v1/./me", "/api/v1/a/%2e%2E/me", "/api/v1/a b", "/api/health", "/o/org_1/workspaces", "/api/v10/me"]) {
      expect(handlesRequest(fakeRequest("GET", url)), url).toBe(false);
    }
  });
});

describe("the node edge over HTTP", () => {
  it("answers an operation as the route file does, with the request id and rate-limit headers", async () => {
    const path = `/api/v1/organizations/${orgId}/workspaces?page_size=3`;
    const viaEdge = await raw("GET", path, { authorization: `Bearer ${token}`, "x-request-id": "edge-test-1" });
    const viaRoute = await api.get(path, { token, headers: { "x-request-id": "edge-test-1" } });
    expect(viaEdge.status).toBe(200);
    expect(viaEdge.headers["x-request-id"]).toBe("edge-test-1");
    expect(viaEdge.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(viaEdge.headers["ratelimit-limit"]).toBeDefined();
    const body = JSON.parse(viaEdge.body.toString("utf8"));
    expect(body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual(viaRoute.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id));
    expect(body.total_size).toBe(12);
  });

  it("answers 405 with Allow and 404 for unknown paths as rpcStatus JSON", async () => {
    const put = await raw("PUT", `/api/v1/organizations/${orgId}/workspaces`, { authorization: `Bearer ${token}` });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe("GET, POST");
    const unknown = await raw("GET", "/api/v1/nothing/here");
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString()).details[0].reason).toBe("UNKNOWN_PATH");
    expect(unknown.headers["x-request-id"]).toMatch(/^req_/);
  });

  it("refuses a path that is not percent-encoded UTF-8 as proxy.ts does, naming (path)", async () => {
    const res = await raw("GET", "/api/v1/organizations/org_x%ED%A0%80y", { "x-request-id": "edge-bad-path" });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body.toString());
    expect(body.details[0].reason).toBe("MALFORMED_PATH");
    expect(body.details[1].field_violations).toEqual([{ field: "(path)", description: "is not valid percent-encoded UTF-8" }]);
    expect(res.headers["x-request-id"]).toBe("edge-bad-path");
  });

  it("takes the client IP from the connection, not from a forwarding header the client wrote", async () => {
    const res = await raw("POST", `/api/v1/organizations/${orgId}/workspaces`, {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.9",
      forwarded: "for=203.0.113.9",
    }, JSON.stringify({ title: "Edge IP check" }));
    expect(res.status).toBe(201);
    const { db } = await import("@/lib/db");
    const entry = await (await db()).auditLogEntry.findFirst({ where: { organizationId: orgId, action: "workspace.create" }, orderBy: { createdAt: "desc" }, select: { ip: true } });
    expect(entry?.ip).toBe("127.0.0.1");
  });

  it("gzips a large answer for a client that accepts it, as Next did", async () => {
    const res = await raw("GET", `/api/v1/organizations/${orgId}/workspaces`, { authorization: `Bearer ${token}`, "accept-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(res.body).toString("utf8")).workspaces.length).toBeGreaterThan(10);
  });

  it("answers a client that sends no Accept-Encoding as the compression middleware did: the same header lines in the same order, Vary included, and the same body", async () => {
    // The edge leaves the middleware out when no Accept-Encoding is sent (it would change nothing
    // but add Vary); `Accept-Encoding: identity` still goes through it, and the answers must match.
    const lines = (res: Awaited<ReturnType<typeof raw>>) =>
      res.rawHeaders.map((v, i) => (i % 2 === 0 ? v : /^(date|ratelimit-reset|ratelimit-remaining)$/i.test(res.rawHeaders[i - 1]) ? "(varies)" : v));
    for (const [path, headers] of [
      [`/api/v1/organizations/${orgId}/workspaces`, { authorization: `Bearer ${token}` }],
      [`/api/v1/organizations/${orgId}/workspaces?page_size=2`, { authorization: `Bearer ${token}` }],
      ["/api/v1/nothing/here", {}],
      [`/api/v1/organizations/${orgId}/workspaces`, {}],
      [`/api/v1/organizations/${orgId}/audit-logs:export?filter=${encodeURIComponent('action = "none.such"')}`, { authorization: `Bearer ${token}` }],
    ] as const) {
      const plain = await raw("GET", path, { ...headers, "x-request-id": "edge-vary" });
      const viaMiddleware = await raw("GET", path, { ...headers, "x-request-id": "edge-vary", "accept-encoding": "identity" });
      expect(plain.headers.vary, path).toBe("Accept-Encoding");
      expect(lines(plain), path).toEqual(lines(viaMiddleware));
      expect(plain.body.toString("utf8"), path).toBe(viaMiddleware.body.toString("utf8"));
    }
  });

  it("streams a file answer (the audit-log export) and reads a request body sent in chunks", async () => {
    const csv = await raw("GET", `/api/v1/organizations/${orgId}/audit-logs:export`, { authorization: `Bearer ${token}` });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body.toString("utf8").split("\n").length).toBeGreaterThan(12);

    const { hostname, port } = new URL(origin);
    const created = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: hostname, port, method: "POST", path: `/api/v1/organizations/${orgId}/workspaces`, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write('{"title":');
      setTimeout(() => req.end('"Edge chunked"}'), 20);
    });
    expect(created).toBe(201);
  });

  it("refuses a body over 1 MiB with 413 without reading it whole", async () => {
    const res = await raw("POST", `/api/v1/organizations/${orgId}/workspaces`, { authorization: `Bearer ${token}`, "content-type": "application/json" }, JSON.stringify({ title: "x".repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString()).details[0].reason).toBe("REQUEST_TOO_LARGE");
  });

  it("keeps a kept-alive connection serving after refusing an oversized body with 413", async () => {
    // fetch keeps its connections alive; the 413 is answered before the client has sent its body.
    const url = `${origin}/api/v1/organizations/${orgId}/workspaces`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const huge = await fetch(url, { method: "POST", headers, body: JSON.stringify({ title: "x", description: "y".repeat(1024 * 1024 + 10) }), signal: AbortSignal.timeout(10_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe(8);
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${url}?page_size=${i + 1}`, { headers, signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(200);
      expect((await res.json()).workspaces).toHaveLength(i + 1);
    }
  });

  it("answers 413 to a body sent in chunks that grows over 1 MiB, closes that connection, and keeps serving", async () => {
    const url = `${origin}/api/v1/organizations/${orgId}/workspaces`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const piece = new TextEncoder().encode("y".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2 MiB in 64 KiB chunks, no Content-Length: the edge finds the size as it reads.
        if (sent >= 32) return controller.close();
        sent++;
        controller.enqueue(piece);
      },
    });
    const huge = await fetch(url, { method: "POST", headers, body, duplex: "half", signal: AbortSignal.timeout(10_000) } as RequestInit);
    expect(huge.status).toBe(413);
    expect(huge.headers.get("connection")).toBe("close");
    expect((await huge.json()).details[0].reason).toBe("REQUEST_TOO_LARGE");
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}?page_size=1`, { headers, signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(200);
    }
  });

  it("answers a request whose Host header is not a URL host, and keeps serving", async () => {
    const odd = await raw("GET", "/api/v1/me", { host: "bad host[" });
    expect(odd.status).toBe(401);
    expect(JSON.parse(odd.body.toString()).code).toBe(16);
    expect((await raw("GET", "/api/v1/me", { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});
