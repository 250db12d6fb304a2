// Personal access tokens on a real database: create/list/rename/revoke through the domain
// functions, authentication with the minted secret through a route, and the token's scope and
// access enforced by authorize() and authorizeAccount().

import { beforeAll, describe, expect, it } from "vitest";
import { db, provideDb, type Db } from "@/lib/db";
import { api } from "@/lib/testing/api-client";
import { addMember, contextOf, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { expectRpcError } from "@/lib/testing/rpc";
import { authenticateRequest, callerFromToken } from "@/lib/auth/authenticate";
import { authorize } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/auth/context";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { randomBase62 } from "@/lib/ids";
import { OperatorTokenCreateInput, TokenCreateInput, TokenOutput } from "@/lib/schemas/tokens";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { getToken } from "./get-token";
import { executeOperation } from "@/lib/operations/execute";
import { UpdateAccessToken } from "@/lib/operations/tokens";
import { revokeToken } from "./revoke-token";

let ada: TestUser;
let orgA: string;
let orgB: string;
let wsA1: string;
let wsA2: string;

beforeAll(async () => {
  ada = await makeUser("Ada Tokens");
  orgA = (await makeOrg(ada, "Token Org A")).organization_id;
  orgB = (await makeOrg(ada, "Token Org B")).organization_id;
  wsA1 = (await makeWorkspace(ada, orgA, { title: "A one" })).workspace_id;
  wsA2 = (await makeWorkspace(ada, orgA, { title: "A two" })).workspace_id;
});

function mint(user: TestUser, input: Record<string, unknown>) {
  return createToken(user.ctx, TokenCreateInput.parse({ display_name: `t ${randomBase62(4)}`, ...input }));
}

/** The request context a route builds for a caller authenticated with `token`. */
async function tokenContext(token: string): Promise<RequestContext> {
  return { ...contextOf({ id: "", email: "", displayName: "" }), caller: await callerFromToken(token) };
}

/** PATCH /me/tokens/{id} through the registry's pipeline (mask resolution included), as the caller. */
function rename(ctx: RequestContext, tokenId: string, body: Record<string, unknown>, mask?: string) {
  return executeOperation(UpdateAccessToken, ctx, { params: { token_id: tokenId }, query: mask ? { update_mask: mask } : {}, body });
}

function withAuth(token: string) {
  return new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
}

describe("creating and listing tokens", () => {
  it("returns the token once; lists show prefix, scope and times but never the secret or its hash", async () => {
    const user = await makeUser("Lister Tokens");
    const org = (await makeOrg(user)).organization_id;
    const ws = (await makeWorkspace(user, org)).workspace_id;
    const expire = new Date(Date.now() + 86_400_000).toISOString();
    const created = await createToken(
      user.ctx,
      TokenCreateInput.parse({ display_name: "  CI deploys ", organization_id: org, workspace_ids: [ws], access: "READ_ONLY", expire_time: expire }),
    );
    expect(created.token).toMatch(/^wsa_pat_[0-9A-Za-z]{38}$/);
    expect(created).toMatchObject({
      display_name: "CI deploys",
      organization_id: org,
      workspace_ids: [ws],
      access: "READ_ONLY",
      state: "ACTIVE",
      expire_time: expire,
      last_use_time: null,
      prefix: created.token.slice(0, 12),
    });

    const listed = await listTokens(user.ctx, {});
    expect(listed.tokens).toHaveLength(1);
    const [row] = listed.tokens;
    expect(TokenOutput.strict().parse(row)).toEqual(row);
    const { token: secret, ...resource } = created;
    expect(row).toEqual(resource);
    expect(Object.values(row)).not.toContain(secret);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(hashToken(created.token));
    expect(await getToken(user.ctx, created.token_id)).toEqual(row);

    const audit = await (await db()).auditLogEntry.findMany({ where: { organizationId: org, action: "token.create" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.token);
    expect(JSON.stringify(audit)).not.toContain(hashToken(created.token));
  });

  it("pages newest first with a keyset page token, filtered by name", async () => {
    const user = await makeUser("Pager Tokens");
    const org = (await makeOrg(user)).organization_id;
    const names = ["first", "second", "third"];
    for (const display_name of names) await mint(user, { organization_id: org, display_name });
    const p1 = await listTokens(user.ctx, { page_size: "2" });
    expect(p1.tokens.map((t) => t.display_name)).toEqual(["third", "second"]);
    const p2 = await listTokens(user.ctx, { page_size: "2", page_token: p1.next_page_token });
    expect(p2.tokens.map((t) => t.display_name)).toEqual(["first"]);
    expect(p2.next_page_token).toBe("");
    const filtered = await listTokens(user.ctx, { filter: 'display_name : "SEC"' });
    expect(filtered.tokens.map((t) => t.display_name)).toEqual(["second"]);
    // Another user's token list never shows these, and their page token does not open ours.
    const other = await makeUser("Other Pager");
    expect((await listTokens(other.ctx, {})).tokens).toEqual([]);
    await expect(listTokens(other.ctx, { page_size: "2", page_token: p1.next_page_token })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("validates: organization required on the API, future expiry, visible workspaces, known fields", async () => {
    expect(TokenCreateInput.safeParse({ display_name: "x" }).success).toBe(false);
    expect(OperatorTokenCreateInput.safeParse({ display_name: "x" }).success).toBe(true);
    expect(TokenCreateInput.safeParse({ display_name: "x", organization_id: orgA, scopes: ["all"] }).success).toBe(false);
    expect(TokenCreateInput.safeParse({ display_name: "x", organization_id: orgA, access: "ADMIN" }).success).toBe(false);
    await expect(mint(ada, { organization_id: orgA, expire_time: new Date(Date.now() - 1000).toISOString() })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      options: { fieldViolations: [{ field: "expire_time" }] },
    });
    // A workspace of the organization the caller is not a member of, and one of another organization.
    const member = await makeUser("Plain Member");
    await addMember(member.id, orgA, ["org-member"], { id: wsA1, roles: ["workspace-viewer"] });
    await expect(mint(member, { organization_id: orgA, workspace_ids: [wsA2] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const foreign = (await makeWorkspace(ada, orgB)).workspace_id;
    await expect(mint(ada, { organization_id: orgA, workspace_ids: [foreign] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(mint(member, { organization_id: orgB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await mint(member, { organization_id: orgA, workspace_ids: [wsA1] })).workspace_ids).toEqual([wsA1]);
  });
});

describe("authentication with a token", () => {
  it("accepts the minted token and records its last use", async () => {
    const t = await mint(ada, { organization_id: orgA });
    const res = await api.get("/api/v1/me", { token: t.token });
    expect(res.status).toBe(200);
    expect(res.body.user_id).toBe(ada.id);
    const after = await getToken(ada.ctx, t.token_id);
    expect(after.last_use_time).not.toBeNull();
  });

  it("refuses a revoked token on the very next request", async () => {
    const t = await mint(ada, { organization_id: orgA });
    expect((await api.get("/api/v1/me", { token: t.token })).status).toBe(200);
    await revokeToken(ada.ctx, t.token_id);
    const res = await api.get("/api/v1/me", { token: t.token });
    expectRpcError(res, 401, 16, "UNAUTHENTICATED");
    expect(res.body.message).toMatch(/revoked/);
    await expect(getToken(ada.ctx, t.token_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listTokens(ada.ctx, {})).tokens.map((x) => x.token_id)).not.toContain(t.token_id);
    await expect(revokeToken(ada.ctx, t.token_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an expired token at once", async () => {
    const t = await mint(ada, { organization_id: orgA, expire_time: new Date(Date.now() + 60_000).toISOString() });
    expect((await api.get("/api/v1/me", { token: t.token })).status).toBe(200);
    await (await db()).personalAccessToken.update({ where: { id: t.token_id }, data: { expireTime: new Date(Date.now() - 1) } });
    const res = await api.get("/api/v1/me", { token: t.token });
    expectRpcError(res, 401, 16, "UNAUTHENTICATED");
    expect(res.body.message).toMatch(/expired/);
    expect((await getToken(ada.ctx, t.token_id)).state).toBe("EXPIRED");
  });

  it("refuses a token with a wrong checksum without any database query", async () => {
    const real = await db();
    let touched = 0;
    // Every property read on the client counts as a query attempt (and fails it).
    const tripwire = new Proxy({} as Db, {
      get(_target, prop) {
        if (prop === "then") return undefined; // read by Promise.resolve(), not a query
        touched++;
        throw new Error("the database was queried");
      },
    });
    const valid = (await mint(ada, { organization_id: orgA })).token;
    const typo = valid.slice(0, 20) + (valid[20] === "a" ? "b" : "a") + valid.slice(21);
    provideDb(tripwire);
    try {
      for (const bad of [typo, valid.slice(0, -1), `${valid}0`, `wsa_pat_${"0".repeat(38)}`]) {
        await expect(authenticateRequest(withAuth(bad)), bad).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      }
      expect(touched).toBe(0);
      // The control: a well-formed token (valid checksum) is looked up.
      await expect(authenticateRequest(withAuth(generateToken().token))).rejects.toThrow("the database was queried");
      expect(touched).toBeGreaterThan(0);
    } finally {
      provideDb(real);
    }
  });

  it("still accepts a token of the earlier format (no checksum) stored before this one", async () => {
    // Minted by an earlier version: `wsa_` + 40 base62 characters, only its hash stored.
    const legacy = `wsa_${randomBase62(40)}`;
    const id = `pat_${randomBase62(24)}`;
    await (await db()).personalAccessToken.create({
      data: { id, userId: ada.id, organizationId: orgA, displayName: "old", prefix: legacy.slice(0, 10), tokenHash: hashToken(legacy), workspaceIds: [] },
    });
    expect((await api.get("/api/v1/me", { token: legacy })).status).toBe(200);
    await revokeToken(ada.ctx, id);
    expect((await api.get("/api/v1/me", { token: legacy })).status).toBe(401);
  });
});

describe("a token's scope and access", () => {
  it("outside its organization or its workspaces: NOT_FOUND", async () => {
    const orgScoped = await tokenContext((await mint(ada, { organization_id: orgA })).token);
    await expect(authorize(orgScoped, "read:Organization", { organizationId: orgB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authorize(orgScoped, "read:Organization", { organizationId: orgA })).resolves.toBeDefined();
    const wsScoped = await tokenContext((await mint(ada, { organization_id: orgA, workspace_ids: [wsA1] })).token);
    await expect(authorize(wsScoped, "read:Workspace", { organizationId: orgA, workspaceId: wsA2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(authorize(wsScoped, "update:Workspace", { organizationId: orgA, workspaceId: wsA1 })).resolves.toBeDefined();
    await expect(authorize(wsScoped, "create:Workspace", { organizationId: orgA })).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
  });

  it("READ_ONLY: reads work, every change is PERMISSION_DENIED", async () => {
    const ro = await tokenContext((await mint(ada, { organization_id: orgA, access: "READ_ONLY" })).token);
    await expect(authorize(ro, "read:Workspace", { organizationId: orgA, workspaceId: wsA1 })).resolves.toBeDefined();
    for (const p of ["update:Workspace", "create:Member", "delete:Credential"] as const) {
      await expect(authorize(ro, p, { organizationId: orgA, workspaceId: wsA1 })).rejects.toMatchObject({
        code: "PERMISSION_DENIED",
        options: { reason: "TOKEN_READ_ONLY" },
      });
    }
  });

  it("regression: a token scoped to one organization could create organizations (POST /organizations)", async () => {
    const orgScoped = await mint(ada, { organization_id: orgA });
    const before = await (await db()).organization.count({ where: { ownerId: ada.id } });
    const res = await api.post("/api/v1/organizations", { token: orgScoped.token, body: { title: "Escape hatch" } });
    expectRpcError(res, 403, 7, "TOKEN_SCOPE");
    for (const input of [{ organization_id: orgA, access: "READ_ONLY" }, { organization_id: orgA, workspace_ids: [wsA1] }]) {
      const t = await mint(ada, input);
      expect((await api.post("/api/v1/organizations", { token: t.token, body: { title: "Escape hatch" } })).status).toBe(403);
    }
    expect(await (await db()).organization.count({ where: { ownerId: ada.id } })).toBe(before);
    // An operator token without an organization scope still may.
    const unscoped = await createToken(ada.ctx, OperatorTokenCreateInput.parse({ display_name: "operator" }));
    expect((await api.post("/api/v1/organizations", { token: unscoped.token, body: { title: "Allowed" } })).status).toBe(201);
  });

  it("token management with a token: no minting, read-only changes nothing, an org scope sees only its tokens", async () => {
    const user = await makeUser("Self Service");
    const o1 = (await makeOrg(user)).organization_id;
    const o2 = (await makeOrg(user)).organization_id;
    const in1 = await mint(user, { organization_id: o1 });
    const in2 = await mint(user, { organization_id: o2 });
    const as1 = await tokenContext(in1.token);
    await expect(createToken(as1, TokenCreateInput.parse({ display_name: "child", organization_id: o1 }))).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
      options: { reason: "TOKEN_CANNOT_MINT" },
    });
    expect((await listTokens(as1, {})).tokens.map((t) => t.token_id)).toEqual([in1.token_id]);
    await expect(getToken(as1, in2.token_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokeToken(as1, in2.token_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rename(as1, in2.token_id, { display_name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ro = await tokenContext((await mint(user, { organization_id: o1, access: "READ_ONLY" })).token);
    await expect(revokeToken(ro, in1.token_id)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    await expect(rename(ro, in1.token_id, { display_name: "x" })).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    expect((await getToken(user.ctx, in1.token_id)).display_name).toBe(in1.display_name);
    // Another user cannot see or revoke these at all.
    const stranger = await makeUser("Stranger Tokens");
    await expect(revokeToken(stranger.ctx, in1.token_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await api.get("/api/v1/me", { token: in1.token })).status).toBe(200);
  });
});

describe("renaming", () => {
  it("changes only the name, audits it, and refuses fixed fields", async () => {
    const t = await mint(ada, { organization_id: orgA, display_name: "old name" });
    const renamed = await rename(ada.ctx, t.token_id, { display_name: "new name" });
    expect(renamed).toMatchObject({ display_name: "new name", access: t.access, organization_id: orgA, prefix: t.prefix });
    const audit = await (await db()).auditLogEntry.findMany({ where: { organizationId: orgA, action: "token.update" } });
    expect(audit.some((a) => JSON.stringify(a.changes).includes("new name"))).toBe(true);
    for (const body of [{ access: "FULL" }, { organization_id: orgB }, { expire_time: null }]) {
      await expect(rename(ada.ctx, t.token_id, body)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
    await expect(rename(ada.ctx, t.token_id, { display_name: "" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(rename(ada.ctx, t.token_id, {}, "display_name")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((await getToken(ada.ctx, t.token_id)).display_name).toBe("new name");
  });
});
