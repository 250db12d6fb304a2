// Every workspace operation, called by a caller of organization A on organization B's ids (and
// on junk ids), must answer NOT_FOUND without confirming anything exists, and change nothing.

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api, type ApiResponse } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { expectRpcError } from "@/lib/testing/rpc";

let tokenA: string;
let orgA: string;
let wsA: string;
let orgB: string;
let wsB: string;
let wsBDeleted: string;

beforeAll(async () => {
  const alice = await makeUser("Alice Tenant");
  const bob = await makeUser("Bob Tenant");
  orgA = (await makeOrg(alice, "Tenant A")).organization_id;
  orgB = (await makeOrg(bob, "Tenant B")).organization_id;
  tokenA = await makeToken(alice);
  const tokenB = await makeToken(bob);
  wsA = (await makeWorkspace(alice, orgA, { title: "A's" })).workspace_id;
  wsB = (await makeWorkspace(bob, orgB, { title: "B's" })).workspace_id;
  wsBDeleted = (await makeWorkspace(bob, orgB, { title: "B's deleted" })).workspace_id;
  expect((await api.delete(`/api/v1/organizations/${orgB}/workspaces/${wsBDeleted}`, { token: tokenB })).status).toBe(204);
});

type Call = (org: string, ws: string) => Promise<ApiResponse>;

const workspaceCalls: Record<string, Call> = {
  "GET ws": (o, w) => api.get(`/api/v1/organizations/${o}/workspaces/${w}`, { token: tokenA }),
  "PATCH ws": (o, w) => api.patch(`/api/v1/organizations/${o}/workspaces/${w}`, { token: tokenA, body: { title: "pwned" } }),
  "DELETE ws": (o, w) => api.delete(`/api/v1/organizations/${o}/workspaces/${w}`, { token: tokenA }),
  ":undelete": (o, w) => api.post(`/api/v1/organizations/${o}/workspaces/${w}:undelete`, { token: tokenA }),
  ":disable": (o, w) => api.post(`/api/v1/organizations/${o}/workspaces/${w}:disable`, { token: tokenA }),
  ":enable": (o, w) => api.post(`/api/v1/organizations/${o}/workspaces/${w}:enable`, { token: tokenA }),
  ":terminate": (o, w) => api.post(`/api/v1/organizations/${o}/workspaces/${w}:terminate`, { token: tokenA }),
  ":clone": (o, w) => api.post(`/api/v1/organizations/${o}/workspaces/${w}:clone`, { token: tokenA, body: { title: `Stolen ${w}` } }),
};

const orgCalls: Record<string, (org: string) => Promise<ApiResponse>> = {
  "GET list": (o) => api.get(`/api/v1/organizations/${o}/workspaces`, { token: tokenA }),
  "GET list show_deleted": (o) => api.get(`/api/v1/organizations/${o}/workspaces?show_deleted=true`, { token: tokenA }),
  "POST create": (o) => api.post(`/api/v1/organizations/${o}/workspaces`, { token: tokenA, body: { title: "Planted" } }),
  ":batchCreate": (o) => api.post(`/api/v1/organizations/${o}/workspaces:batchCreate`, { token: tokenA, body: { requests: [{ workspace: { title: "Planted batch" } }] } }),
  ":countUsers": (o) => api.post(`/api/v1/organizations/${o}/workspaces:countUsers`, { token: tokenA, body: { workspace_ids: [wsB] } }),
  "GET me workspaces": (o) => api.get(`/api/v1/me/organizations/${o}/workspaces`, { token: tokenA }),
};

describe("cross-tenant access is NOT_FOUND", () => {
  it("another organization in the path: ORGANIZATION_NOT_FOUND for every operation", async () => {
    for (const [name, call] of Object.entries(orgCalls)) {
      const res = await call(orgB);
      expectRpcError(res, 404, 5, "ORGANIZATION_NOT_FOUND");
      expect(res.body.message, name).not.toContain("B's");
    }
    for (const [name, call] of Object.entries(workspaceCalls)) {
      for (const ws of [wsB, wsA]) {
        const res = await call(orgB, ws);
        expect(res.status, `${name} ${ws}`).toBe(404);
        expectRpcError(res, 404, 5, "ORGANIZATION_NOT_FOUND");
      }
    }
  });

  it("another organization's workspace under one's own organization: WORKSPACE_NOT_FOUND for every operation", async () => {
    for (const [name, call] of Object.entries(workspaceCalls)) {
      for (const ws of [wsB, wsBDeleted]) {
        const res = await call(orgA, ws);
        expect(res.status, `${name} ${ws}`).toBe(404);
        expectRpcError(res, 404, 5, "WORKSPACE_NOT_FOUND");
      }
    }
  });

  it("another organization's workspace in a body: template and countUsers ids", async () => {
    expectRpcError(
      await api.post(`/api/v1/organizations/${orgA}/workspaces:batchCreate`, { token: tokenA, body: { template_workspace_id: wsB, requests: [{ workspace: { title: "Via template" } }] } }),
      404,
      5,
      "WORKSPACE_NOT_FOUND",
    );
    expectRpcError(await api.post(`/api/v1/organizations/${orgA}/workspaces:countUsers`, { token: tokenA, body: { workspace_ids: [wsA, wsB] } }), 404, 5, "WORKSPACE_NOT_FOUND");
  });

  it("junk ids in the path are NOT_FOUND too, never a 500", async () => {
    for (const call of Object.values(workspaceCalls)) {
      expectRpcError(await call(orgA, "ws_"), 404, 5, "WORKSPACE_NOT_FOUND");
      expectRpcError(await call(orgA, "ws_%27%3B--0000000000000000000"), 404, 5, "WORKSPACE_NOT_FOUND");
      expectRpcError(await call("org_nope", wsA), 404, 5, "ORGANIZATION_NOT_FOUND");
    }
  });

  it("left organization B exactly as it was", async () => {
    const prisma = await db();
    const rows = await prisma.workspace.findMany({ where: { organizationId: orgB }, orderBy: { title: "asc" } });
    expect(rows.map((r) => [r.title, r.state, r.version])).toEqual([
      ["B's", "ACTIVE", 1],
      ["B's deleted", "DELETED", 2],
    ]);
    expect(await prisma.workspace.count({ where: { organizationId: orgA, title: { startsWith: "Stolen" } } })).toBe(0);
    expect(await prisma.auditLogEntry.count({ where: { organizationId: orgB } })).toBe(4);
  });
});
