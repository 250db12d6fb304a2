// Regression: hostile text reached PostgreSQL or was silently repaired. A NUL in any text field or
// filter answered 500 INTERNAL (PostgreSQL refuses 0x00); a lone surrogate ("\ud800") answered
// 500 on PATCH workspace and :disable (JSONB refuses it in the audit entry) and was stored as
// U+FFFD on POST workspace, role, organization, :clone and :batchCreate; invalid UTF-8 bytes in a
// body were stored as U+FFFD; a percent-encoded lone surrogate in a path id threw a URIError (500).
// Each must be INVALID_ARGUMENT naming the field, with nothing written.

import { beforeAll, describe, expect, it } from "vitest";
import { api, type ApiResponse } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let wsId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Hostile Input Owner");
  orgId = (await makeOrg(owner, "Hostile Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Target" })).workspace_id;
  token = await makeToken(owner);
});

const orgPath = () => `/api/v1/organizations/${orgId}`;
const wsPath = () => `${orgPath()}/workspaces/${wsId}`;

async function counts() {
  const { db } = await import("@/lib/db");
  const prisma = await db();
  const [workspaces, roles, audit, orgs] = await Promise.all([
    prisma.workspace.count({ where: { organizationId: orgId } }),
    prisma.role.count({ where: { workspace: { organizationId: orgId } } }),
    prisma.auditLogEntry.count({ where: { organizationId: orgId } }),
    prisma.organization.count({ where: { ownerId: owner.id } }),
  ]);
  return { workspaces, roles, audit, orgs };
}

function expectRefused(res: ApiResponse, field: string) {
  expectRpcError(res, 400, 3, "INVALID_ARGUMENT");
  expect(violatedFields(res.body), JSON.stringify(res.body)).toContain(field);
  expect(res.headers.get("x-request-id")).toBeTruthy();
}

const HOSTILE = {
  nul: "a\u0000b",
  loneHigh: "x\ud800y",
  loneLow: "\udc00",
  bidiOverride: "evil\u202Etxt.exe",
  bidiIsolate: "a\u2066b",
  escape: "a\u001bb",
  c1: "a\u0085b",
};

describe("text fields refuse control characters, lone surrogates and bidi controls", () => {
  it.each(Object.entries(HOSTILE))("POST workspace title (%s) → INVALID_ARGUMENT title, nothing written", async (_, title) => {
    const before = await counts();
    expectRefused(await api.post(`${orgPath()}/workspaces`, { token, body: { title } }), "title");
    expect(await counts()).toEqual(before);
  });

  it("PATCH workspace title and description with NUL or a lone surrogate → INVALID_ARGUMENT, nothing written", async () => {
    const before = await counts();
    expectRefused(await api.patch(wsPath(), { token, body: { title: HOSTILE.loneHigh } }), "title");
    expectRefused(await api.patch(wsPath(), { token, body: { title: HOSTILE.nul } }), "title");
    expectRefused(await api.patch(wsPath(), { token, body: { description: "ok\u0000" } }), "description");
    expectRefused(await api.patch(wsPath(), { token, body: { description: HOSTILE.bidiOverride } }), "description");
    expect(await counts()).toEqual(before);
    expect((await api.get(wsPath(), { token })).body.title).toBe("Target");
  });

  it("multi-line fields keep tab and newline exactly as sent; single-line fields refuse them", async () => {
    const description = "line one\n\tline two\r\nline three";
    const res = await api.patch(wsPath(), { token, body: { description } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.description).toBe(description);
    expectRefused(await api.post(`${orgPath()}/workspaces`, { token, body: { title: "two\nlines" } }), "title");
  });

  it("emoji, RTL script and paired surrogates are stored exactly as sent", async () => {
    const title = "שלום 👩🏽‍💻 مرحبا 𝔘";
    const res = await api.post(`${orgPath()}/workspaces`, { token, body: { title } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.title).toBe(title);
    expect((await api.get(`${orgPath()}/workspaces/${res.body.workspace_id}`, { token })).body.title).toBe(title);
  });

  it(":disable comment, :clone title, :batchCreate, :countUsers, organization and role titles", async () => {
    const before = await counts();
    expectRefused(await api.post(`${wsPath()}:disable`, { token, body: { comment: HOSTILE.nul } }), "comment");
    expectRefused(await api.post(`${wsPath()}:disable`, { token, body: { comment: HOSTILE.loneHigh } }), "comment");
    expectRefused(await api.post(`${wsPath()}:clone`, { token, body: { title: HOSTILE.loneHigh } }), "title");
    expectRefused(
      await api.post(`${orgPath()}/workspaces:batchCreate`, { token, body: { requests: [{ workspace: { title: "fine" } }, { workspace: { title: HOSTILE.nul } }] } }),
      "requests[1].workspace.title",
    );
    expectRefused(await api.post(`${orgPath()}/workspaces:countUsers`, { token, body: { workspace_ids: [`ws_\u0000`] } }), "workspace_ids[0]");
    expectRefused(await api.post("/api/v1/organizations", { token, body: { title: HOSTILE.loneLow } }), "title");
    expectRefused(await api.patch(orgPath(), { token, body: { title: HOSTILE.nul } }), "title");
    expectRefused(await api.post(`${wsPath()}/roles`, { token, body: { title: HOSTILE.loneHigh, permissions: ["read:Workspace"] } }), "title");
    expectRefused(await api.post(`${wsPath()}/roles`, { token, body: { title: "Role", description: "a\u0000", permissions: ["read:Workspace"] } }), "description");
    expect(await counts()).toEqual(before);
    expect((await api.get(wsPath(), { token })).body.state).toBe("ACTIVE");
  });

  // Regression (found by the fuzz suite): an unknown body field named "" was reported as a field
  // violation with an empty field path, which names nothing; odd keys are now quoted.
  it("an unknown field that is not a plain name is named quoted", async () => {
    const res = await api.post(`${orgPath()}/workspaces`, { token, body: { title: "Quoted", "": 1, "a.b": 2 } });
    expectRefused(res, '""');
    expect(violatedFields(res.body)).toEqual(['""', '"a.b"']);
  });

  it("a member added by an email with a NUL → INVALID_ARGUMENT email", async () => {
    expectRefused(await api.post(`${wsPath()}/users`, { token, body: { email: "a\u0000@example.test", roles: ["workspace-viewer"] } }), "email");
  });
});

describe("filters, order_by and other query parameters", () => {
  it("a NUL in a filter → INVALID_ARGUMENT filter (was 500)", async () => {
    for (const url of [`${orgPath()}/workspaces`, `${wsPath()}/users`, `${orgPath()}/users`, "/api/v1/me/organizations"]) {
      const filter = url.endsWith("/users") ? 'search : "a\u0000"' : 'title : "a\u0000"';
      expectRefused(await api.get(`${url}?filter=${encodeURIComponent(filter)}`, { token }), "filter");
    }
  });

  it("a percent-encoding that is not UTF-8 is refused, not turned into U+FFFD", async () => {
    expectRefused(await api.get(`${orgPath()}/workspaces?filter=title%20%3A%20%ED%A0%80`, { token }), "filter");
    expectRefused(await api.get(`${orgPath()}/workspaces?filter=title%20%3A%20%FF`, { token }), "filter");
    expectRefused(await api.get(`${orgPath()}/workspaces?order_by=title%00`, { token }), "order_by");
    expectRefused(await api.get(`${orgPath()}/workspaces?page_token=%ED%A0%80`, { token }), "page_token");
  });

  it("a filter may span lines (tab and newline are whitespace)", async () => {
    const res = await api.get(`${orgPath()}/workspaces?filter=${encodeURIComponent('title : "Target"\n\tOR title : "none"')}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe("bodies and paths", () => {
  it("a body that is not valid UTF-8 → INVALID_ARGUMENT (was stored as U+FFFD)", async () => {
    const before = await counts();
    const bytes = new Uint8Array([...new TextEncoder().encode('{"title":"caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    const res = await api.post(`${orgPath()}/workspaces`, { token, rawBody: bytes });
    expectRpcError(res, 400, 3, "MALFORMED_BODY");
    const surrogateBytes = new Uint8Array([...new TextEncoder().encode('{"title":"a'), 0xed, 0xa0, 0x80, ...new TextEncoder().encode('"}')]);
    expectRpcError(await api.post(`${orgPath()}/workspaces`, { token, rawBody: surrogateBytes }), 400, 3, "MALFORMED_BODY");
    expect(await counts()).toEqual(before);
  });

  it('a JSON lone surrogate escape ("\\ud800") is refused by the text check', async () => {
    expectRefused(await api.post(`${orgPath()}/workspaces`, { token, rawBody: '{"title":"a\\ud800"}' }), "title");
  });

  it("a percent-encoded lone surrogate in a path id → rpcStatus JSON with a request id (was a URIError 500)", async () => {
    for (const res of [
      await api.get(`/api/v1/organizations/org_x%ED%A0%80y`, { token }),
      await api.get(`/api/v1/organizations/${orgId}/workspaces/ws_x%ED%A0%80y`, { token }),
      await api.post(`/api/v1/organizations/${orgId}/workspaces/ws_x%ED%A0%80y:disable`, { token, body: {} }),
      await api.get(`/api/v1/organizations/org_x%00y/workspaces`, { token }),
    ]) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe(3);
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
  });
});
