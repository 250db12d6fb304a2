// The /me/tokens routes with tokens as callers: listing never shows a secret, an access token
// cannot mint another, and a revocation through the API refuses the revoked token at once.

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, type TestUser } from "@/lib/testing/factories";
import { expectRpcError } from "@/lib/testing/rpc";

let ada: TestUser;
let org: string;

beforeAll(async () => {
  ada = await makeUser("Ada Routes");
  org = (await makeOrg(ada)).organization_id;
});

describe("/api/v1/me/tokens", () => {
  it("lists the caller's tokens without their secrets, and another token of theirs revokes one at once", async () => {
    const operator = await makeToken(ada);
    const victim = await makeToken(ada, { organizationId: org });
    expect((await api.get("/api/v1/me", { token: victim })).status).toBe(200);
    const list = await api.get("/api/v1/me/tokens", { token: operator });
    expect(list.status).toBe(200);
    expect(list.body.tokens.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(list.body)).not.toContain(victim);
    expect(JSON.stringify(list.body)).not.toContain(operator);
    const row = list.body.tokens.find((t: { prefix: string }) => victim.startsWith(t.prefix));
    expect(row).toBeDefined();
    const revoked = await api.delete(`/api/v1/me/tokens/${row.token_id}`, { token: operator });
    expect(revoked.status).toBe(204);
    expectRpcError(await api.get("/api/v1/me", { token: victim }), 401, 16, "UNAUTHENTICATED");
    expectRpcError(await api.get(`/api/v1/me/tokens/${row.token_id}`, { token: operator }), 404, 5, "ACCESS_TOKEN_NOT_FOUND");
  });

  it("refuses to mint a token with a token", async () => {
    const t = await makeToken(ada, { organizationId: org });
    const res = await api.post("/api/v1/me/tokens", { token: t, body: { display_name: "child", organization_id: org } });
    expectRpcError(res, 403, 7, "TOKEN_CANNOT_MINT");
  });

  it("renames through PATCH and refuses changing the scope", async () => {
    const operator = await makeToken(ada);
    const target = (await api.get("/api/v1/me/tokens?page_size=1", { token: operator })).body.tokens[0];
    const renamed = await api.patch(`/api/v1/me/tokens/${target.token_id}`, { token: operator, body: { display_name: "renamed" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.display_name).toBe("renamed");
    expect((await api.patch(`/api/v1/me/tokens/${target.token_id}`, { token: operator, body: { access: "FULL" } })).status).toBe(400);
  });
});
