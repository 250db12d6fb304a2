import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { bulkInsertWorkspaces } from "@/lib/testing/bulk";
import { expectRpcError } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Olivia Owner");
  orgId = (await makeOrg(owner, "Acme")).organization_id;
  token = await makeToken(owner);
});

const base = () => `/api/v1/organizations/${orgId}/workspaces`;

describe("POST /organizations/{org}/workspaces", () => {
  it("creates a workspace: 201, Location, the creator as admin, defaults filled", async () => {
    const res = await api.post(base(), { token, body: { title: "  Production  ", description: "Live", workspace_icon: "rocket", workspace_icon_color: "#4f46e5" } });
    expect(res.status).toBe(201);
    const ws = res.body;
    expect(ws.workspace_id).toMatch(/^ws_[0-9A-Za-z]{24}$/);
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}`);
    expect(ws).toMatchObject({
      name: `organizations/${orgId}/workspaces/${ws.workspace_id}`,
      title: "Production",
      workspace_icon_color: "#4F46E5",
      state: "ACTIVE",
      data_policy: { group: "us-west-2", regions: [{ region: "us-west-2", priority: 0 }], pii_strategy: "DEFAULT" },
      configuration: { domain: "" },
      creator_email: owner.email,
      creator_display_name: "Olivia Owner",
      etag: 'W/"1"',
    });
    expect(ws.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const members = await api.get(`${base()}/${ws.workspace_id}`, { token });
    expect(members.status).toBe(200);
  });

  it("makes the creator its workspace admin and leaves its preferences inheriting the organization's", async () => {
    const admin = await makeUser("Pref Admin");
    const org = (await makeOrg(admin)).organization_id;
    const { db } = await import("@/lib/db");
    const prisma = await db();
    await prisma.organizationPreferences.update({
      where: { organizationId: org },
      data: { supportTeamAccess: true, timeZone: "Europe/Zurich", timeFormat: "TIME_FORMAT_12_HOUR", decimalPlaces: 4 },
    });
    const res = await api.post(`/api/v1/organizations/${org}/workspaces`, { token: await makeToken(admin), body: { title: "Inherits" } });
    expect(res.status).toBe(201);
    const prefs = await prisma.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: res.body.workspace_id } });
    // Nothing copied down: the organization's defaults apply when the preferences are read.
    expect(prefs).toMatchObject({ supportTeamAccess: true, timeZone: null, timeFormat: null, decimalPlaces: null, dateFormat: null, measurementSystem: null });
    const members = await prisma.workspaceMember.findMany({ where: { workspaceId: res.body.workspace_id } });
    expect(members.map((m) => [m.userId, m.roles])).toEqual([[admin.id, ["workspace-admin"]]]);
    const audit = await prisma.auditLogEntry.findMany({ where: { workspaceId: res.body.workspace_id } });
    expect(audit.map((a) => a.action)).toEqual(["workspace.create"]);
    expect(audit[0].changes).toEqual({ after: res.body });
  });

  it("ignores output-only fields and rejects unknown fields", async () => {
    const ok = await api.post(base(), {
      token,
      body: { title: "Sneaky", state: "TERMINATED", creator_email: "x@evil.test", etag: 'W/"99"', workspace_id: "ws_chosen_by_client_000000" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ state: "ACTIVE", creator_email: owner.email, etag: 'W/"1"' });
    expect(ok.body.workspace_id).not.toBe("ws_chosen_by_client_000000");

    const bad = await api.post(base(), { token, body: { title: "X", colour: "red" } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(3);
    const badRequest = bad.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest"));
    expect(badRequest.field_violations).toEqual([{ field: "colour", description: "unknown field" }]);
  });

  it("validates title, color, icon, domain and data policy with field violations", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "   " }, "title"],
      [{ title: "x".repeat(257) }, "title"],
      [{ title: "ok", workspace_icon_color: "blue" }, "workspace_icon_color"],
      [{ title: "ok", workspace_icon: "<script>" }, "workspace_icon"],
      [{ title: "ok", configuration: { domain: "not a domain" } }, "configuration.domain"],
      [{ title: "ok", data_policy: { group: "mars-1", regions: [{ region: "us-west-2", priority: 0 }] } }, "data_policy.group"],
      [{ title: "ok", data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: -1 }] } }, "data_policy.regions.0.priority"],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(base(), { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const fields = res.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest")).field_violations.map((v: { field: string }) => v.field);
      expect(fields).toContain(field);
    }
  });

  it("accepts a 256-character Unicode title and a data policy", async () => {
    const title = "ü".repeat(255) + "🚀";
    const res = await api.post(base(), {
      token,
      body: { title, data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: 0 }], pii_strategy: "STRICT" }, configuration: { domain: "Acme.Example" } },
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe(title);
    expect(res.body.data_policy.pii_strategy).toBe("STRICT");
    expect(res.body.configuration.domain).toBe("acme.example");
  });

  it("refuses a second workspace with the same title, case-insensitively", async () => {
    expect((await api.post(base(), { token, body: { title: "Billing" } })).status).toBe(201);
    const dup = await api.post(base(), { token, body: { title: "BILLING" } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(6);
    expect(dup.body.details[0]).toMatchObject({ reason: "WORKSPACE_TITLE_TAKEN", domain: "workspaces.api" });
  });

  it("lets exactly one of two concurrent creates with one title win", async () => {
    const results = await Promise.all([
      api.post(base(), { token, body: { title: "Race" } }),
      api.post(base(), { token, body: { title: "race" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("rejects malformed JSON and oversized bodies", async () => {
    const malformed = await api.post(base(), { token, rawBody: "{title:" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0].reason).toBe("MALFORMED_JSON");
    const huge = await api.post(base(), { token, rawBody: JSON.stringify({ title: "x", description: "y".repeat(1024 * 1024 + 10) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe(8);
  });
});

describe("GET /organizations/{org}/workspaces", () => {
  let listOrg: string;
  beforeAll(async () => {
    listOrg = (await makeOrg(owner, "Listing")).organization_id;
    for (const title of ["alpha", "Bravo", "charlie", "delta", "Echo", "foxtrot x", "golf X"]) {
      await makeWorkspace(owner, listOrg, { title });
    }
  });
  const list = (q: string) => api.get(`/api/v1/organizations/${listOrg}/workspaces${q}`, { token });

  it("lists newest first by default and validates against Kognitos ListWorkspaces", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.workspaces.map((w: { title: string }) => w.title)).toEqual(["golf X", "foxtrot x", "Echo", "delta", "charlie", "Bravo", "alpha"]);
    expect(res.body.total_size).toBe(7);
    expect(res.body.next_page_token).toBe("");
    const validate = kognitosValidator("ListWorkspaces");
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("filters with title : (case-insensitive contains), = and !=", async () => {
    const contains = await list(`?filter=${encodeURIComponent('title : "x"')}`);
    expect(contains.body.workspaces.map((w: { title: string }) => w.title).sort()).toEqual(["foxtrot x", "golf X"]);
    expect(contains.body.total_size).toBe(2);
    const eq = await list(`?filter=${encodeURIComponent('title = "BRAVO"')}`);
    expect(eq.body.workspaces.map((w: { title: string }) => w.title)).toEqual(["Bravo"]);
    const ne = await list(`?filter=${encodeURIComponent('title != "bravo" AND title : "a"')}`);
    expect(ne.body.workspaces.map((w: { title: string }) => w.title).sort()).toEqual(["alpha", "charlie", "delta"]);
  });

  it("pages with order_by and page tokens, without gaps or repeats", async () => {
    const seen: string[] = [];
    let pageToken = "";
    let pages = 0;
    do {
      const res = await list(`?order_by=title&page_size=3${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.workspaces.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.workspaces.map((w: { title: string }) => w.title));
      pageToken = res.body.next_page_token;
      pages++;
    } while (pageToken && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(seen).size).toBe(7);
  });

  it("pages descending by title", async () => {
    const first = await list("?order_by=title desc&page_size=4");
    const second = await list(`?order_by=title desc&page_size=4&page_token=${encodeURIComponent(first.body.next_page_token)}`);
    const all = [...first.body.workspaces, ...second.body.workspaces].map((w: { title: string }) => w.title);
    expect(all).toHaveLength(7);
    expect(all).toEqual([...all].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it("rejects a page token used with other parameters or another organization", async () => {
    const first = await list("?order_by=title&page_size=2");
    const t = encodeURIComponent(first.body.next_page_token);
    expect((await list(`?order_by=title desc&page_size=2&page_token=${t}`)).status).toBe(400);
    expect((await list(`?order_by=title&page_size=2&filter=title:a&page_token=${t}`)).status).toBe(400);
    const other = await api.get(`/api/v1/organizations/${orgId}/workspaces?order_by=title&page_size=2&page_token=${t}`, { token });
    expect(other.status).toBe(400);
    expect(other.body.details[0].reason).toBe("INVALID_PAGE_TOKEN");
  });

  it("rejects bad filters, order_by and page_size with INVALID_ARGUMENT", async () => {
    const badFilter = await list(`?filter=${encodeURIComponent('owner = "x"')}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.message).toMatch(/unknown field 'owner' at position 1/);
    expect((await list(`?filter=${encodeURIComponent('title = "x')}`)).status).toBe(400);
    expect((await list("?order_by=owner")).status).toBe(400);
    expect((await list("?page_size=-1")).status).toBe(400);
    const big = await list("?page_size=100000");
    expect(big.status).toBe(200);
  });

  it("filters on state", async () => {
    const active = await list("?filter=state%20%3D%20ACTIVE");
    expect(active.body.total_size).toBe(7);
    const disabled = await list("?filter=state%20%3D%20DISABLED");
    expect(disabled.body.workspaces).toEqual([]);
  });
});

describe("visibility and permissions", () => {
  it("shows a member only their workspaces, and 404s the others", async () => {
    const orgAdmin = await makeUser("Admin A");
    const org = (await makeOrg(orgAdmin)).organization_id;
    const mine = await makeWorkspace(orgAdmin, org, { title: "Shared" });
    const hidden = await makeWorkspace(orgAdmin, org, { title: "Hidden" });
    const viewer = await makeUser("Vera Viewer");
    await addMember(viewer.id, org, ["org-member"], { id: mine.workspace_id, roles: ["workspace-viewer"] });
    const viewerToken = await makeToken(viewer);

    const list = await api.get(`/api/v1/organizations/${org}/workspaces`, { token: viewerToken });
    expect(list.body.workspaces.map((w: { title: string }) => w.title)).toEqual(["Shared"]);
    expect((await api.get(`/api/v1/organizations/${org}/workspaces/${mine.workspace_id}`, { token: viewerToken })).status).toBe(200);
    const res = await api.get(`/api/v1/organizations/${org}/workspaces/${hidden.workspace_id}`, { token: viewerToken });
    expect(res.status).toBe(404);
    expect(res.body.details[0].reason).toBe("WORKSPACE_NOT_FOUND");

    const mineList = await api.get(`/api/v1/me/organizations/${org}/workspaces`, { token: viewerToken });
    expect(mineList.status).toBe(200);
    expect(mineList.body.user_workspaces.map((w: { title: string }) => w.title)).toEqual(["Shared"]);
    const validate = kognitosValidator("CurrentUserOrganizationWorkspaces");
    expect(validate(mineList.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses workspace creation to a read-only token with PERMISSION_DENIED", async () => {
    const readOnly = await makeToken(owner, { organizationId: orgId, access: "READ_ONLY" });
    expect((await api.get(base(), { token: readOnly })).status).toBe(200);
    const res = await api.post(base(), { token: readOnly, body: { title: "Nope" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(7);
  });

  it("honours an organization preference that stops members creating workspaces", async () => {
    const admin = await makeUser("Admin B");
    const org = (await makeOrg(admin)).organization_id;
    const member = await makeUser("Member M");
    await addMember(member.id, org, ["org-member"]);
    const memberToken = await makeToken(member);
    expect((await api.post(`/api/v1/organizations/${org}/workspaces`, { token: memberToken, body: { title: "Allowed" } })).status).toBe(201);
    const { db } = await import("@/lib/db");
    await (await db()).organizationPreferences.update({ where: { organizationId: org }, data: { membersCanCreateWorkspaces: false } });
    const denied = await api.post(`/api/v1/organizations/${org}/workspaces`, { token: memberToken, body: { title: "Denied" } });
    expect(denied.status).toBe(403);
    expect(denied.body.details[0].metadata.permission).toBe("create:Workspace");
  });

  it("limits a workspace-scoped token to its workspaces", async () => {
    const a = await makeWorkspace(owner, orgId, { title: "Scoped A" });
    const b = await makeWorkspace(owner, orgId, { title: "Scoped B" });
    const scoped = await makeToken(owner, { organizationId: orgId, workspaceIds: [a.workspace_id] });
    const list = await api.get(base(), { token: scoped });
    expect(list.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual([a.workspace_id]);
    expect((await api.get(`${base()}/${b.workspace_id}`, { token: scoped })).status).toBe(404);
    expect((await api.post(base(), { token: scoped, body: { title: "From scoped" } })).status).toBe(403);
  });
});

describe("list paging limits, order and soft-deleted workspaces", () => {
  let bigOrg: string;
  let ids: string[];
  beforeAll(async () => {
    bigOrg = (await makeOrg(owner, "Big")).organization_id;
    ids = await bulkInsertWorkspaces(bigOrg, owner.id, 1001, "Bulk");
  });
  const list = (q: string) => api.get(`/api/v1/organizations/${bigOrg}/workspaces${q}`, { token });

  it("defaults page_size to 50 and coerces larger values to 1000", async () => {
    const first = await list("");
    expect(first.body.workspaces).toHaveLength(50);
    expect(first.body.total_size).toBe(1001);
    expect(first.body.workspaces[0].title).toBe("Bulk 01001");
    expect((await list("?page_size=0")).body.workspaces).toHaveLength(50);
    const coerced = await list("?page_size=5000");
    expect(coerced.body.workspaces).toHaveLength(1000);
    expect(coerced.body.next_page_token).not.toBe("");
    const rest = await list(`?page_size=5000&page_token=${encodeURIComponent(coerced.body.next_page_token)}`);
    expect(rest.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual([ids[0]]);
    expect(rest.body.next_page_token).toBe("");
  });

  it("orders by create_time ascending and by update_time descending", async () => {
    const asc = await list("?order_by=create_time&page_size=3");
    expect(asc.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual(ids.slice(0, 3));
    await api.patch(`/api/v1/organizations/${bigOrg}/workspaces/${ids[500]}`, { token, body: { description: "touched" } });
    const recent = await list("?order_by=update_time desc&page_size=1");
    expect(recent.body.workspaces[0].workspace_id).toBe(ids[500]);
    const pageTwo = await list(`?order_by=update_time desc&page_size=1&page_token=${encodeURIComponent(recent.body.next_page_token)}`);
    expect(pageTwo.body.workspaces[0].workspace_id).toBe(ids[1000]);
  });

  it("lists soft-deleted workspaces only with show_deleted=true, with its own page tokens", async () => {
    const victim = ids[1000];
    expect((await api.delete(`/api/v1/organizations/${bigOrg}/workspaces/${victim}`, { token })).status).toBe(204);
    const live = await list("?page_size=1");
    expect(live.body.total_size).toBe(1000);
    expect(live.body.workspaces[0].workspace_id).not.toBe(victim);
    const all = await list("?page_size=1&show_deleted=true");
    expect(all.body.total_size).toBe(1001);
    expect(all.body.workspaces[0]).toMatchObject({ workspace_id: victim, state: "DELETED" });
    const onlyDeleted = await list(`?show_deleted=true&filter=${encodeURIComponent("state = DELETED")}`);
    expect(onlyDeleted.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual([victim]);
    expect((await list(`?filter=${encodeURIComponent("state = DELETED")}`)).body.workspaces).toEqual([]);
    expectRpcError(await list(`?page_size=1&page_token=${encodeURIComponent(all.body.next_page_token)}`), 400, 3, "INVALID_PAGE_TOKEN");
    expectRpcError(await list("?show_deleted=maybe"), 400, 3, "INVALID_ARGUMENT");
  });

  it("rejects a tampered page token", async () => {
    const first = await list("?page_size=2");
    const [body, mac] = first.body.next_page_token.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    payload.k[1] = "ws_zzzzzzzzzzzzzzzzzzzzzzzz";
    const forged = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    expectRpcError(await list(`?page_size=2&page_token=${encodeURIComponent(forged)}`), 400, 3, "INVALID_PAGE_TOKEN");
  });
});

describe("CurrentUserOrganizationWorkspaces", () => {
  it("filters on title, pages, and does not accept ListWorkspaces' page tokens", async () => {
    const admin = await makeUser("Me Admin");
    const org = (await makeOrg(admin)).organization_id;
    const adminToken = await makeToken(admin);
    for (const title of ["mine 1", "mine 2", "mine 3", "other"]) await makeWorkspace(admin, org, { title });
    const me = (q: string) => api.get(`/api/v1/me/organizations/${org}/workspaces${q}`, { token: adminToken });
    const filtered = await me(`?filter=${encodeURIComponent('title : "mine"')}&page_size=2`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.user_workspaces.map((w: { title: string }) => w.title)).toEqual(["mine 3", "mine 2"]);
    const next = await me(`?filter=${encodeURIComponent('title : "mine"')}&page_size=2&page_token=${encodeURIComponent(filtered.body.next_page_token)}`);
    expect(next.body.user_workspaces.map((w: { title: string }) => w.title)).toEqual(["mine 1"]);
    expect(next.body.next_page_token).toBe("");

    const fromList = await api.get(`/api/v1/organizations/${org}/workspaces?filter=${encodeURIComponent('title : "mine"')}&page_size=2`, { token: adminToken });
    expectRpcError(await me(`?filter=${encodeURIComponent('title : "mine"')}&page_size=2&page_token=${encodeURIComponent(fromList.body.next_page_token)}`), 400, 3, "INVALID_PAGE_TOKEN");
  });

  it("shows an org admin every workspace, member or not", async () => {
    const founder = await makeUser("Founder");
    const org = (await makeOrg(founder)).organization_id;
    await makeWorkspace(founder, org, { title: "Founder's" });
    const admin = await makeUser("Late Admin");
    await addMember(admin.id, org, ["org-admin"]);
    const res = await api.get(`/api/v1/me/organizations/${org}/workspaces`, { token: await makeToken(admin) });
    expect(res.body.user_workspaces.map((w: { title: string }) => w.title)).toEqual(["Founder's"]);
  });
});

describe("Kognitos conformance", () => {
  it("every Kognitos workspace operation of this API answers with a body valid against seed 003", async () => {
    const admin = await makeUser("Schema Checker");
    const org = (await makeOrg(admin)).organization_id;
    const t = await makeToken(admin);
    const ws = await makeWorkspace(admin, org, {
      title: "Schema",
      description: "full",
      workspace_icon: "rocket",
      workspace_icon_color: "#4F46E5",
      configuration: { domain: "schema.example" },
    });
    await api.post(`/api/v1/organizations/${org}/workspaces/${ws.workspace_id}:disable`, { token: t, body: { comment: "for the schema" } });
    const bodies: Record<string, unknown> = {
      ListWorkspaces: (await api.get(`/api/v1/organizations/${org}/workspaces`, { token: t })).body,
      GetWorkspace: (await api.get(`/api/v1/organizations/${org}/workspaces/${ws.workspace_id}`, { token: t })).body,
      CurrentUserOrganizationWorkspaces: (await api.get(`/api/v1/me/organizations/${org}/workspaces`, { token: t })).body,
      CountWorkspaceUsers: (await api.post(`/api/v1/organizations/${org}/workspaces:countUsers`, { token: t, body: { workspace_ids: [ws.workspace_id] } })).body,
    };
    expect((bodies.ListWorkspaces as { workspaces: unknown[] }).workspaces).toHaveLength(1);
    expect(bodies.CountWorkspaceUsers).toEqual({ workspace_user_counts: { [ws.workspace_id]: 1 } });
    for (const [operation, body] of Object.entries(bodies)) {
      const validate = kognitosValidator(operation);
      expect(validate(body), `${operation}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
