import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { db } from "@/lib/db";

let ada: TestUser;
let token: string;

beforeAll(async () => {
  ada = await makeUser("Ada Lovelace");
  token = await makeToken(ada);
});

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate without credentials", async () => {
    const res = await api.get("/api/v1/me/organizations");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(16);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("accepts Bearer and AccessKey tokens and rejects unknown ones", async () => {
    expect((await api.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const me = await api.get("/api/v1/me", { headers: { authorization: `AccessKey ${token}` } });
    expect(me.body).toMatchObject({ user_id: ada.id, email: ada.email, display_name: "Ada Lovelace" });
    expect((await api.get("/api/v1/me", { token: "wsa_notarealtoken" })).status).toBe(401);
    expect((await api.get("/api/v1/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("rejects revoked and expired tokens", async () => {
    const t = await makeToken(ada);
    const prisma = await db();
    const { hashToken } = await import("@/lib/auth/tokens");
    await prisma.personalAccessToken.update({ where: { tokenHash: hashToken(t) }, data: { revokeTime: new Date() } });
    expect((await api.get("/api/v1/me", { token: t })).status).toBe(401);
    const e = await makeToken(ada);
    await prisma.personalAccessToken.update({ where: { tokenHash: hashToken(e) }, data: { expireTime: new Date(Date.now() - 1000) } });
    const expired = await api.get("/api/v1/me", { token: e });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });

  it("stores only a hash of the token", async () => {
    const t = await makeToken(ada);
    const rows = await (await db()).$queryRawUnsafe<{ token_hash: string; prefix: string }[]>(
      `SELECT token_hash, prefix FROM personal_access_tokens WHERE user_id = $1`,
      ada.id,
    );
    expect(rows.some((r) => r.token_hash === t)).toBe(false);
    expect(rows.every((r) => r.token_hash.length === 64)).toBe(true);
  });

  it("echoes a sane X-Request-Id and replaces an unsafe one", async () => {
    const echoed = await api.get("/api/v1/me", { token, headers: { "x-request-id": "abc-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("abc-123");
    const replaced = await api.get("/api/v1/me", { token, headers: { "x-request-id": "bad id <script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_/);
  });
});

describe("organizations", () => {
  it("creates an organization whose creator is owner and admin", async () => {
    const res = await api.post("/api/v1/organizations", { token, body: { title: "Analytical Engines" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: "Analytical Engines",
      owner_email: ada.email,
      owner_display_name: "Ada Lovelace",
      logo_data_uri: "",
    });
    expect(res.body.organization_id).toMatch(/^org_/);
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${res.body.organization_id}`);
    const get = await api.get(`/api/v1/organizations/${res.body.organization_id}`, { token });
    expect(get.status).toBe(200);
    expect(get.body).toEqual(res.body);
    const audit = await (await db()).auditLogEntry.findMany({ where: { organizationId: res.body.organization_id } });
    expect(audit.map((a) => a.action)).toEqual(["organization.create"]);
  });

  it("validates the title", async () => {
    const res = await api.post("/api/v1/organizations", { token, body: { title: "" } });
    expect(res.status).toBe(400);
    expect(res.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest")).field_violations[0].field).toBe("title");
  });

  it("lists the caller's organizations with filter and paging", async () => {
    const u = await makeUser("Lister");
    const t = await makeToken(u);
    for (const title of ["Zeta Org", "Alpha Org", "Mid Org"]) await makeOrg(u, title);
    const res = await api.get("/api/v1/me/organizations?page_size=2", { token: t });
    expect(res.status).toBe(200);
    expect(res.body.user_organizations.map((o: { title: string }) => o.title)).toEqual(["Alpha Org", "Mid Org"]);
    const next = await api.get(`/api/v1/me/organizations?page_size=2&page_token=${encodeURIComponent(res.body.next_page_token)}`, { token: t });
    expect(next.body.user_organizations.map((o: { title: string }) => o.title)).toEqual(["Zeta Org"]);
    expect(next.body.next_page_token).toBe("");
    const filtered = await api.get(`/api/v1/organizations?filter=${encodeURIComponent('title : "alpha"')}`, { token: t });
    expect(filtered.body.organizations.map((o: { title: string }) => o.title)).toEqual(["Alpha Org"]);
  });
});

describe("tenant isolation", () => {
  it("answers 404 for every path of the slice to another organization's token", async () => {
    const victim = await makeUser("Victim");
    const org = (await makeOrg(victim, "Private")).organization_id;
    const ws = await makeWorkspace(victim, org, { title: "Secret" });
    const intruder = await makeUser("Intruder");
    await makeOrg(intruder, "Intruder Org");
    const t = await makeToken(intruder);
    const paths = [
      ["GET", `/api/v1/organizations/${org}`],
      ["GET", `/api/v1/organizations/${org}/workspaces`],
      ["POST", `/api/v1/organizations/${org}/workspaces`],
      ["GET", `/api/v1/organizations/${org}/workspaces/${ws.workspace_id}`],
      ["GET", `/api/v1/me/organizations/${org}/workspaces`],
    ] as const;
    for (const [method, path] of paths) {
      const res = await (method === "GET" ? api.get(path, { token: t }) : api.post(path, { token: t, body: { title: "x" } }));
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe(5);
    }
    const mine = await api.get("/api/v1/me/organizations", { token: t });
    expect(mine.body.user_organizations.map((o: { title: string }) => o.title)).toEqual(["Intruder Org"]);
    // A token bound to one organization cannot reach the user's other organizations either.
    const victimOrg2 = (await makeOrg(victim, "Second")).organization_id;
    const bound = await makeToken(victim, { organizationId: org });
    expect((await api.get(`/api/v1/organizations/${victimOrg2}`, { token: bound })).status).toBe(404);
  });

  it("answers 404 for malformed ids without touching the database", async () => {
    expect((await api.get("/api/v1/organizations/not-an-id", { token })).status).toBe(404);
    expect((await api.get("/api/v1/organizations/org_x'--/workspaces", { token })).status).toBe(404);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await api.get("/api/v1/nothing/here", { token });
    expect(res.status).toBe(404);
    expect(res.body.details[0].reason).toBe("UNKNOWN_PATH");
  });
});
