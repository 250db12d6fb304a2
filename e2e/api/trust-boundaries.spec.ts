// Regression pins over HTTP, through Next itself (what in-process handler tests cannot see):
// - a percent-encoded lone surrogate in a path answered a text/plain 500 with no X-Request-Id
//   (Next failed to decode the path before any handler ran);
// - a URL over Node's header limit, or bytes that are not HTTP, got Node's bare status line with
//   no body (the server's clientError handler now answers rpcStatus JSON);
// - a client-sent X-Forwarded-For became the audit entry's IP;
// - a cross-site server action passed Next's origin check with a spoofed X-Forwarded-Host.

import { expect, test } from "@playwright/test";
import { connect } from "node:net";
import pg from "pg";
import { world } from "../fixtures/world";
import { ERROR_DOMAIN } from "../../lib/api/errors";

test.describe("trust boundaries over HTTP", () => {
  test("a path Next cannot decode answers rpcStatus JSON with a request id", async ({ request }) => {
    const headers = { authorization: `Bearer ${world().admin.token}` };
    for (const path of ["/api/v1/organizations/org_x%ED%A0%80y", "/api/v1/organizations/org_x%ED%A0%80y/workspaces", "/api/v1/x%E0", "/api/v1/organizations/org_%"]) {
      const res = await request.get(path, { headers });
      expect(res.status(), path).toBe(400);
      expect(res.headers()["content-type"], path).toContain("application/json");
      expect(res.headers()["x-request-id"], path).toBeTruthy();
      const body = await res.json();
      expect(body.code, path).toBe(3);
      expect(body.details.find((d: { reason?: string }) => d.reason)?.reason, path).toBe("MALFORMED_PATH");
    }
    const page = await request.get("/o/x%ED%A0%80");
    expect(page.status()).toBe(400);
  });

  test("a URL over Node's header limit answers 431 rpcStatus JSON with a request id, not a bare status line", async ({ request }) => {
    const res = await request.get(`/api/v1/organizations/${"x".repeat(100_000)}`, { headers: { authorization: `Bearer ${world().admin.token}` } });
    expect(res.status()).toBe(431);
    expect(res.headers()["content-type"]).toContain("application/json");
    const requestId = res.headers()["x-request-id"];
    expect(requestId).toMatch(/^req_[0-9a-f]{32}$/);
    const body = await res.json();
    expect(body.code).toBe(8);
    expect(body.details).toEqual([
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "REQUEST_HEADERS_TOO_LARGE", domain: ERROR_DOMAIN, metadata: {} },
      { "@type": "type.googleapis.com/google.rpc.RequestInfo", request_id: requestId },
    ]);
    // The server goes on serving.
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("bytes that are not HTTP answer 400 rpcStatus JSON and close the connection", async ({ baseURL }) => {
    const { hostname, port } = new URL(baseURL!);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
      let data = "";
      socket.on("data", (chunk) => (data += chunk));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
      socket.write("NOT HTTP AT ALL\r\n\r\n");
    });
    const [head, body] = reply.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/json\r\n/i);
    const status = JSON.parse(body);
    expect(status.code).toBe(3);
    expect(status.details[0]).toMatchObject({ reason: "MALFORMED_REQUEST", domain: ERROR_DOMAIN });
  });

  test("hostile text over HTTP: NUL, lone surrogates and invalid UTF-8 are 400, not 500", async ({ request }) => {
    const { admin, orgId } = world();
    const headers = { authorization: `Bearer ${admin.token}`, "content-type": "application/json" };
    const url = `/api/v1/organizations/${orgId}/workspaces`;
    for (const data of ['{"title":"a\\u0000b"}', '{"title":"a\\ud800"}', Buffer.from([...Buffer.from('{"title":"caf'), 0xe9, ...Buffer.from('"}')])]) {
      const res = await request.post(url, { headers, data });
      expect(res.status(), String(data)).toBe(400);
      expect((await res.json()).code).toBe(3);
    }
    const filter = await request.get(url, { headers, params: { filter: 'title : "a\u0000"' } });
    expect(filter.status()).toBe(400);
  });

  test("a client-sent X-Forwarded-For is not the audit entry's IP", async ({ request }) => {
    const { admin, orgId } = world();
    const res = await request.post(`/api/v1/organizations/${orgId}/workspaces`, {
      headers: { authorization: `Bearer ${admin.token}`, "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", forwarded: "for=6.6.6.6" },
      data: { title: `xff-spoof-${Date.now()}` },
    });
    expect(res.status()).toBe(201);
    const requestId = res.headers()["x-request-id"];
    const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query<{ ip: string }>("SELECT ip FROM audit_log_entries WHERE request_id = $1", [requestId]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.ip).not.toContain("6.6.6.6");
        expect(["127.0.0.1", "::1"]).toContain(row.ip);
      }
    } finally {
      await db.end();
    }
  });

  test("a cross-site server action is refused, spoofed X-Forwarded-Host or not", async ({ request }) => {
    const { orgId } = world();
    const spoofs: Record<string, string>[] = [
      { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      { origin: "http://evil.example", "sec-fetch-site": "none" },
      { origin: "http://evil.example", host: "evil.example" },
    ];
    for (const headers of spoofs) {
      const res = await request.post(`/o/${orgId}/workspaces`, {
        headers: { ...headers, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(res.status(), JSON.stringify(headers)).toBe(403);
    }
  });
});
