import { expect, test } from "@playwright/test";
import { newPerson, tokenFor } from "../fixtures/people";
import { signInWithCookie } from "../fixtures/session";
import { world } from "../fixtures/world";

test.describe("REST API over HTTP", () => {
  test("health and unknown paths answer JSON", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    const unknown = await request.get("/api/v1/does/not/exist", { headers: { authorization: `Bearer ${world().admin.token}` } });
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toContain("application/json");
    expect((await unknown.json()).code).toBe(5);
  });

  test("creates and lists workspaces with filter, order and paging", async ({ request }) => {
    const { admin, orgId } = world();
    const headers = { authorization: `Bearer ${admin.token}` };
    for (const title of ["e2e-paging-1", "e2e-paging-2", "e2e-paging-3"]) {
      const res = await request.post(`/api/v1/organizations/${orgId}/workspaces`, { headers, data: { title } });
      expect(res.status()).toBe(201);
      expect(res.headers()["location"]).toMatch(new RegExp(`^/api/v1/organizations/${orgId}/workspaces/ws_`));
    }
    const first = await request.get(`/api/v1/organizations/${orgId}/workspaces`, {
      headers,
      params: { filter: 'title : "paging"', order_by: "title", page_size: "2" },
    });
    const page1 = await first.json();
    expect(page1.workspaces.map((w: { title: string }) => w.title)).toEqual(["e2e-paging-1", "e2e-paging-2"]);
    expect(page1.total_size).toBe(3);
    const second = await request.get(`/api/v1/organizations/${orgId}/workspaces`, {
      headers,
      params: { filter: 'title : "paging"', order_by: "title", page_size: "2", page_token: page1.next_page_token },
    });
    const page2 = await second.json();
    expect(page2.workspaces.map((w: { title: string }) => w.title)).toEqual(["e2e-paging-3"]);
    expect(page2.next_page_token ?? "").toBe("");
  });

  test("routes without path parameters answer over HTTP: create an organization, list mine, the catalog", async ({ request }) => {
    // A person of its own: a second organization of the shared admin would change where the
    // console lands them after sign-in.
    const person = newPerson("founder");
    const headers = { authorization: `Bearer ${tokenFor(person.email)}` };
    const created = await request.post("/api/v1/organizations", { headers, data: { title: "E2E Second Org" } });
    expect(created.status()).toBe(201);
    const org = await created.json();
    expect(org.organization_id).toMatch(/^org_/);
    expect(created.headers()["location"]).toBe(`/api/v1/organizations/${org.organization_id}`);

    const mine = await request.get("/api/v1/me/organizations", { headers, params: { page_size: "100" } });
    expect(mine.status()).toBe(200);
    const ids = (await mine.json()).user_organizations.map((o: { organization_id: string }) => o.organization_id);
    expect(ids).toEqual([org.organization_id]);

    const me = await request.get("/api/v1/me", { headers });
    expect(me.status()).toBe(200);
    expect((await me.json()).email).toBe(person.email);

    const catalog = await request.get("/api/v1/permissions", { headers });
    expect(catalog.status()).toBe(200);
    expect((await catalog.json()).permissions.length).toBeGreaterThan(10);
  });

  test("another organization's token gets 404 everywhere", async ({ request }) => {
    const { outsider, orgId, viewerWorkspaceId } = world();
    const headers = { authorization: `AccessKey ${outsider.token}` };
    for (const path of [`/api/v1/organizations/${orgId}`, `/api/v1/organizations/${orgId}/workspaces`, `/api/v1/organizations/${orgId}/workspaces/${viewerWorkspaceId}`]) {
      const res = await request.get(path, { headers });
      expect(res.status(), path).toBe(404);
    }
    const post = await request.post(`/api/v1/organizations/${orgId}/workspaces`, { headers, data: { title: "intrusion" } });
    expect(post.status()).toBe(404);
  });

  test("no credentials at all: 401 with WWW-Authenticate", async ({ request }) => {
    const res = await request.post(`/api/v1/organizations/${world().orgId}/workspaces`, { data: { title: "no auth" } });
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/Bearer/);
  });

  // Regression: this test sent no cookie and asserted 401, so the same-origin check was tested
  // nowhere — and it let Origin: http://evil.example through with X-Forwarded-Host: evil.example,
  // and with Sec-Fetch-Site: none.
  test("a session cookie alone cannot make cross-site changes", async ({ request, baseURL }) => {
    const { admin, orgId } = world();
    await signInWithCookie(request, admin.email, admin.password);
    const url = `/api/v1/organizations/${orgId}/workspaces`;
    const titles = async () =>
      ((await (await request.get(url, { params: { filter: 'title : "cookie-csrf"', page_size: "100" } })).json()).workspaces as { title: string }[]).map((w) => w.title);

    const attempts: [string, Record<string, string>][] = [
      ["foreign Origin", { origin: "http://evil.example" }],
      ["foreign Origin with a spoofed X-Forwarded-Host", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }],
      ["foreign Origin with Sec-Fetch-Site: none", { origin: "http://evil.example", "sec-fetch-site": "none" }],
      ["foreign Origin with Host spoofed too", { origin: "http://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" }],
      ["no Origin and no Sec-Fetch-Site", {}],
      ["same Origin but Sec-Fetch-Site: cross-site", { origin: baseURL!, "sec-fetch-site": "cross-site" }],
    ];
    for (const [label, headers] of attempts) {
      const res = await request.post(url, { headers, data: { title: `cookie-csrf ${label}` } });
      expect(res.status(), label).toBe(403);
      const body = await res.json();
      expect(body.code, label).toBe(7);
      expect(res.headers()["x-request-id"], label).toBeTruthy();
    }
    expect(await titles()).toEqual([]);

    const ok = await request.post(url, { headers: { origin: baseURL!, "sec-fetch-site": "same-origin" }, data: { title: "cookie-csrf same-origin" } });
    expect(ok.status(), await ok.text()).toBe(201);
    const noOrigin = await request.post(url, { headers: { "sec-fetch-site": "same-origin" }, data: { title: "cookie-csrf fetch without Origin" } });
    expect(noOrigin.status(), await noOrigin.text()).toBe(201);
    expect((await titles()).sort()).toEqual(["cookie-csrf fetch without Origin", "cookie-csrf same-origin"]);
  });
});
