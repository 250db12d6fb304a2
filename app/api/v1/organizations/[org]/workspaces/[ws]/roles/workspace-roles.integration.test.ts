import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosSchemaValidator, kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { ALL_WORKSPACE_PERMISSIONS, PERMISSION_CATALOG } from "@/lib/auth/permissions";

let owner: TestUser;
let token: string;
let orgId: string;
let wsId: string;

const base = () => `/api/v1/organizations/${orgId}/workspaces/${wsId}/roles`;

async function createRole(body: Record<string, unknown>, t = token) {
  return api.post(base(), { token: t, body });
}

beforeAll(async () => {
  owner = await makeUser("Rhea Roles");
  token = await makeToken(owner);
  orgId = (await makeOrg(owner, "Roles Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Roles WS" })).workspace_id;
});

describe("GET /api/v1/permissions", () => {
  it("lists the catalog with descriptions and scopes", async () => {
    const res = await api.get("/api/v1/permissions", { token });
    expect(res.status).toBe(200);
    expect(res.body.permissions).toHaveLength(Object.keys(PERMISSION_CATALOG).length);
    expect(res.body.permissions).toContainEqual({ permission: "read:Member", description: PERMISSION_CATALOG["read:Member"], scope: "ROLE_SCOPE_WORKSPACE" });
    expect(res.body.permissions).toContainEqual(expect.objectContaining({ permission: "manage:OrganizationMember", scope: "ROLE_SCOPE_ORGANIZATION" }));
    expect((await api.get("/api/v1/permissions")).status).toBe(401);
  });
});

describe("GET …/workspaces/{ws}/roles (ListWorkspaceRoles)", () => {
  it("lists the built-in workspace roles first, then custom roles by creation, as Kognitos v1Role", async () => {
    const a = await createRole({ title: "Alpha", permissions: ["read:Workspace"] });
    const b = await createRole({ title: "Beta", description: "second", permissions: ["read:Member", "read:Workspace"] });
    const res = await api.get(base(), { token });
    expect(res.status).toBe(200);
    const validate = kognitosValidator("ListWorkspaceRoles");
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(res.body.roles.map((r: { role_id: string }) => r.role_id)).toEqual(["workspace-admin", "workspace-editor", "workspace-viewer", a.body.role_id, b.body.role_id]);
    expect(res.body.roles[0]).toEqual({
      name: `organizations/${orgId}/workspaces/${wsId}/roles/workspace-admin`,
      role_id: "workspace-admin",
      title: "Workspace Admin",
      description: expect.any(String),
      permissions: ALL_WORKSPACE_PERMISSIONS,
      role_scope: "ROLE_SCOPE_WORKSPACE",
      built_in: true,
      etag: 'W/"1"',
    });
    expect(res.body.roles[4]).toMatchObject({ title: "Beta", description: "second", built_in: false, role_scope: "ROLE_SCOPE_WORKSPACE" });
  });

  it("pages through built-in and custom roles with signed tokens", async () => {
    const all = (await api.get(base(), { token })).body.roles.map((r: { role_id: string }) => r.role_id);
    for (const size of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let pageToken = "";
      do {
        const page = await api.get(`${base()}?page_size=${size}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ""}`, { token });
        expect(page.status).toBe(200);
        seen.push(...page.body.roles.map((r: { role_id: string }) => r.role_id));
        pageToken = page.body.next_page_token;
      } while (pageToken);
      expect(seen, `page_size ${size}`).toEqual(all);
    }
    const first = await api.get(`${base()}?page_size=1`, { token });
    const other = await makeWorkspace(owner, orgId, { title: "Other Roles WS" });
    const foreign = await api.get(`/api/v1/organizations/${orgId}/workspaces/${other.workspace_id}/roles?page_token=${encodeURIComponent(first.body.next_page_token)}`, { token });
    expect(foreign.status).toBe(400);
  });
});

describe("GET /organizations/{org}/roles (ListOrganizationRoles)", () => {
  it("lists the organization-level built-in roles", async () => {
    const res = await api.get(`/api/v1/organizations/${orgId}/roles`, { token });
    expect(res.status).toBe(200);
    const validate = kognitosSchemaValidator("v1Role");
    res.body.roles.forEach((r: unknown) => expect(validate(r), JSON.stringify(validate.errors)).toBe(true));
    expect(res.body.roles.map((r: { name: string; role_scope: string }) => [r.name, r.role_scope])).toEqual([
      [`organizations/${orgId}/roles/org-admin`, "ROLE_SCOPE_ORGANIZATION"],
      [`organizations/${orgId}/roles/org-member`, "ROLE_SCOPE_ORGANIZATION"],
    ]);
    expect(res.body.roles[1].permissions).toEqual(["read:Organization", "create:Workspace"]);
    expect(res.body.next_page_token).toBe("");
    const one = await api.get(`/api/v1/organizations/${orgId}/roles?page_size=1`, { token });
    const two = await api.get(`/api/v1/organizations/${orgId}/roles?page_size=1&page_token=${encodeURIComponent(one.body.next_page_token)}`, { token });
    expect([...one.body.roles, ...two.body.roles].map((r: { role_id: string }) => r.role_id)).toEqual(["org-admin", "org-member"]);
    expect(two.body.next_page_token).toBe("");
  });
});

describe("POST …/workspaces/{ws}/roles", () => {
  it("creates a custom role: 201, Location, trimmed title, de-duplicated permissions, audit", async () => {
    const res = await createRole({ title: "  Release Manager ", description: "Ships things", permissions: ["read:Workspace", "update:Workspace", "read:Workspace"], role_id: "role_mine0000000000000000000", built_in: true });
    expect(res.status).toBe(201);
    expect(res.body.role_id).toMatch(/^role_[0-9A-Za-z]{24}$/);
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${orgId}/workspaces/${wsId}/roles/${res.body.role_id}`);
    expect(res.body).toMatchObject({ title: "Release Manager", description: "Ships things", permissions: ["read:Workspace", "update:Workspace"], built_in: false, etag: 'W/"1"' });
    const got = await api.get(`${base()}/${res.body.role_id}`, { token });
    expect(got.body).toEqual(res.body);
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { action: "role.create", resource: { endsWith: res.body.role_id } } });
    expect(audit.changes).toEqual({ after: { title: "Release Manager", description: "Ships things", permissions: ["read:Workspace", "update:Workspace"] } });
  });

  it("validates title, description and permissions from the catalog (workspace scope only)", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: " ", permissions: ["read:Workspace"] }, "title"],
      [{ title: "x".repeat(129), permissions: ["read:Workspace"] }, "title"],
      [{ title: "Long", description: "d".repeat(1025), permissions: ["read:Workspace"] }, "description"],
      [{ title: "Empty", permissions: [] }, "permissions"],
      [{ title: "Unknown", permissions: ["fly:Workspace"] }, "permissions.0"],
      [{ title: "Org level", permissions: ["read:Workspace", "create:Workspace"] }, "permissions.1"],
      [{ title: "Extra", permissions: ["read:Workspace"], color: "red" }, "color"],
    ];
    for (const [body, field] of cases) {
      const res = await createRole(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const fields = res.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest")).field_violations.map((v: { field: string }) => v.field);
      expect(fields, JSON.stringify(body)).toContain(field);
    }
  });

  it("keeps titles unique per workspace, case-insensitively, and apart from the built-in titles", async () => {
    expect((await createRole({ title: "Support", permissions: ["read:Workspace"] })).status).toBe(201);
    const dup = await createRole({ title: "SUPPORT", permissions: ["read:Workspace"] });
    expect(dup.status).toBe(409);
    expect(dup.body.details[0].reason).toBe("ROLE_TITLE_TAKEN");
    expect((await createRole({ title: "workspace viewer", permissions: ["read:Workspace"] })).status).toBe(409);
    expect((await createRole({ title: "workspace-admin", permissions: ["read:Workspace"] })).status).toBe(409);
    const other = await makeWorkspace(owner, orgId, { title: "Second Support" });
    const elsewhere = await api.post(`/api/v1/organizations/${orgId}/workspaces/${other.workspace_id}/roles`, { token, body: { title: "Support", permissions: ["read:Workspace"] } });
    expect(elsewhere.status).toBe(201);
  });
});

describe("PATCH …/roles/{role}", () => {
  it("updates with an update mask or the populated fields, bumps the etag, and audits", async () => {
    const role = (await createRole({ title: "Patchable", description: "v1", permissions: ["read:Workspace"] })).body;
    const url = `${base()}/${role.role_id}`;
    const res = await api.patch(url, { token, body: { description: "v2", permissions: ["read:Workspace", "read:Member"], etag: role.etag } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "Patchable", description: "v2", permissions: ["read:Workspace", "read:Member"], etag: 'W/"2"' });
    const masked = await api.patch(`${url}?update_mask=description`, { token, body: { title: "Ignored" } });
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ title: "Patchable", description: "", etag: 'W/"3"' });
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { action: "role.update", resource: { endsWith: role.role_id } }, orderBy: { createdAt: "asc" } });
    expect(audit.changes).toEqual({
      before: { description: "v1", permissions: ["read:Workspace"] },
      after: { description: "v2", permissions: ["read:Workspace", "read:Member"] },
    });
    expect((await api.patch(`${url}?update_mask=etag`, { token, body: {} })).status).toBe(400);
    expect((await api.patch(`${url}?update_mask=title`, { token, body: {} })).status).toBe(400);
    expect((await api.patch(url, { token, body: { permissions: ["create:Workspace"] } })).status).toBe(400);
  });

  it("fails with ABORTED on a stale etag (body or If-Match) and changes nothing", async () => {
    const role = (await createRole({ title: "Contended", permissions: ["read:Workspace"] })).body;
    const url = `${base()}/${role.role_id}`;
    expect((await api.patch(url, { token, body: { description: "first" }, headers: { "if-match": role.etag } })).status).toBe(200);
    const stale = await api.patch(url, { token, body: { description: "second", etag: role.etag } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe(10);
    expect(stale.body.details[0].reason).toBe("ETAG_MISMATCH");
    const staleHeader = await api.patch(url, { token, body: { description: "third" }, headers: { "if-match": 'W/"1"' } });
    expect(staleHeader.status).toBe(409);
    expect((await api.get(url, { token })).body.description).toBe("first");
    expect((await api.patch(url, { token, body: { etag: "garbage" } })).status).toBe(400);
  });

  it("refuses to change built-in roles (FAILED_PRECONDITION) and finds no roles of other workspaces", async () => {
    const builtIn = await api.patch(`${base()}/workspace-viewer`, { token, body: { description: "mine now" } });
    expect(builtIn.status).toBe(400);
    expect(builtIn.body.code).toBe(9);
    expect(builtIn.body.details[0].reason).toBe("BUILT_IN_ROLE");
    const other = await makeWorkspace(owner, orgId, { title: "Foreign Roles" });
    const foreign = await api.post(`/api/v1/organizations/${orgId}/workspaces/${other.workspace_id}/roles`, { token, body: { title: "Foreign", permissions: ["read:Workspace"] } });
    expect((await api.patch(`${base()}/${foreign.body.role_id}`, { token, body: { description: "x" } })).status).toBe(404);
    expect((await api.get(`${base()}/${foreign.body.role_id}`, { token })).status).toBe(404);
    expect((await api.delete(`${base()}/${foreign.body.role_id}`, { token })).status).toBe(404);
    expect((await api.get(`${base()}/org-admin`, { token })).status).toBe(404);
    expect((await api.get(`${base()}/workspace-editor`, { token })).body.built_in).toBe(true);
  });
});

describe("DELETE …/roles/{role}", () => {
  it("deletes an unassigned role, with etag precondition, and audits", async () => {
    const role = (await createRole({ title: "Disposable", permissions: ["read:Workspace"] })).body;
    const url = `${base()}/${role.role_id}`;
    expect((await api.delete(`${url}?etag=${encodeURIComponent('W/"7"')}`, { token })).status).toBe(409);
    expect((await api.delete(url, { token, headers: { "if-match": role.etag } })).status).toBe(204);
    expect((await api.get(url, { token })).status).toBe(404);
    expect((await api.delete(url, { token })).status).toBe(404);
    expect(await (await db()).auditLogEntry.count({ where: { action: "role.delete", resource: { endsWith: role.role_id } } })).toBe(1);
  });

  it("refuses while the role is assigned, naming the count, and built-in roles always", async () => {
    const role = (await createRole({ title: "Assigned", permissions: ["read:Workspace"] })).body;
    for (const name of ["Holder One", "Holder Two"]) {
      const u = await makeUser(name);
      await addMember(u.id, orgId, ["org-member"], { id: wsId, roles: [role.role_id] });
    }
    await (await db()).invitation.create({
      data: { id: newId("inv"), organizationId: orgId, workspaceId: wsId, email: "later@example.test", roles: [role.role_id], tokenHash: randomBytes(32).toString("hex"), expireTime: new Date(Date.now() + 86_400_000) },
    });
    const res = await api.delete(`${base()}/${role.role_id}`, { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(9);
    expect(res.body.details[0]).toMatchObject({ reason: "ROLE_IN_USE", metadata: { member_count: "2", invitation_count: "1" } });
    expect(res.body.message).toContain("2 members and 1 pending invitation");
    const builtIn = await api.delete(`${base()}/workspace-admin`, { token });
    expect(builtIn.status).toBe(400);
    expect(builtIn.body.details[0].reason).toBe("BUILT_IN_ROLE");
  });

  it("does not let an assignment slip in while the role is being deleted", async () => {
    for (let run = 0; run < 10; run++) {
      const role = (await createRole({ title: `Racing ${run}`, permissions: ["read:Workspace"] })).body;
      const u = await makeUser(`Racer ${run}`);
      await addMember(u.id, orgId, ["org-member"]);
      const [del, add] = await Promise.all([
        api.delete(`${base()}/${role.role_id}`, { token }),
        api.post(`/api/v1/organizations/${orgId}/workspaces/${wsId}/users`, { token, body: { user_id: u.id, roles: [role.role_id] } }),
      ]);
      const member = await (await db()).workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: wsId, userId: u.id } } });
      const roleExists = (await (await db()).role.count({ where: { id: role.role_id } })) === 1;
      // Either the delete won (the add then fails on an unknown role) or the add won (the delete then fails as in use).
      if (del.status === 204) {
        expect(add.status, `run ${run}`).toBe(400);
        expect(member).toBeNull();
        expect(roleExists).toBe(false);
      } else {
        expect(del.body.details[0].reason, `run ${run}`).toBe("ROLE_IN_USE");
        expect(add.status).toBe(201);
        expect(member?.roles).toEqual([role.role_id]);
      }
    }
  });
});
