import { expect, test } from "@playwright/test";
import { newPerson, tokenFor } from "../fixtures/people";
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

  test("a session cookie alone cannot make cross-site changes", async ({ request }) => {
    const res = await request.post(`/api/v1/organizations/${world().orgId}/workspaces`, { data: { title: "no auth" } });
    expect(res.status()).toBe(401);
    expect(res.headers()["www-authenticate"]).toMatch(/Bearer/);
  });
});
