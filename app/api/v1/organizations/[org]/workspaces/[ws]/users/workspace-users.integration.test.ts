import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosSchemaValidator, kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

let owner: TestUser;
let ownerToken: string;
let orgId: string;
let wsId: string;
let admin2: TestUser; // org admin, not a direct member
let alice: TestUser; // workspace-editor
let bob: TestUser; // workspace-viewer
let carol: TestUser; // custom role
let dave: TestUser; // org member, not in the workspace
let outsider: TestUser; // another organization
let customRoleId: string;

const base = () => `/api/v1/organizations/${orgId}/workspaces/${wsId}/users`;
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const emails = (body: { users: { user: { email: string } }[] }) => body.users.map((u) => u.user.email);
const idOf = (u: { user: { name: string } }) => u.user.name.split("/").pop()!;

async function pendingInvitation(email: string, workspaceId: string | null) {
  const prisma = await db();
  const inv = await prisma.invitation.create({
    data: {
      id: newId("inv"),
      organizationId: orgId,
      workspaceId,
      email,
      roles: ["workspace-viewer"],
      tokenHash: randomBytes(32).toString("hex"),
      expireTime: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  return inv.id;
}

beforeAll(async () => {
  owner = await makeUser("Olivia Owner");
  ownerToken = await makeToken(owner);
  orgId = (await makeOrg(owner, "Members Inc")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Ops" })).workspace_id;
  const prisma = await db();
  customRoleId = newId("role");
  await prisma.role.create({
    data: { id: customRoleId, workspaceId: wsId, title: "Auditor", titleKey: "auditor", permissions: ["read:Workspace", "read:AuditLog"] },
  });
  admin2 = await makeUser("Adam Admin");
  await addMember(admin2.id, orgId, ["org-admin"]);
  alice = await makeUser("Alice Editor");
  await addMember(alice.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
  bob = await makeUser("Bob Viewer");
  await addMember(bob.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
  carol = await makeUser("Carol 100% Custom");
  await addMember(carol.id, orgId, ["org-member"], { id: wsId, roles: [customRoleId] });
  dave = await makeUser("Dave Member");
  await addMember(dave.id, orgId, ["org-member"]);
  outsider = await makeUser("Otto Outsider");
  await makeOrg(outsider, "Elsewhere");
});

describe("GET …/workspaces/{ws}/users (ListWorkspaceUsers)", () => {
  it("lists direct members with workspace roles and org admins with organization roles, each once", async () => {
    const res = await api.get(base(), { token: ownerToken });
    expect(res.status).toBe(200);
    expect(kognitosValidator("ListWorkspaceUsers")(res.body), JSON.stringify(kognitosValidator("ListWorkspaceUsers").errors)).toBe(true);
    const byEmail = new Map(res.body.users.map((u: { user: { email: string } }) => [u.user.email, u]));
    expect([...byEmail.keys()].sort()).toEqual([owner, admin2, alice, bob, carol].map((u) => u.email).sort());
    expect(res.body.users).toHaveLength(5);
    const ownerMembership = await (await db()).workspaceMember.findFirstOrThrow({ where: { workspaceId: wsId, userId: owner.id }, select: { createdAt: true } });
    // The caller's own request notes its activity without waiting for the write, so this answer
    // may or may not carry it yet.
    const { last_active_time: ownerActive, ...ownerRow } = byEmail.get(owner.email) as { last_active_time: string | null };
    expect(ownerActive === null || new Date(ownerActive).toISOString() === ownerActive).toBe(true);
    // Output-only addition: when the user was last active; null for someone never seen.
    expect(byEmail.get(alice.email)).toMatchObject({ last_active_time: null });
    expect(ownerRow).toEqual({
      user: { name: `organizations/${orgId}/users/${owner.id}`, display_name: "Olivia Owner", email: owner.email },
      roles: [
        { name: "workspace-admin", role_scope: "ROLE_SCOPE_WORKSPACE" },
        { name: "org-admin", role_scope: "ROLE_SCOPE_ORGANIZATION" },
      ],
      // Output-only additions to v1UserWithRoles: when the user got access to the workspace.
      create_time: ownerMembership.createdAt.toISOString(),
    });
    // An org admin who is not a direct member got access when they joined the organization.
    const adminMembership = await (await db()).organizationMember.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: orgId, userId: admin2.id } },
      select: { createdAt: true },
    });
    expect(byEmail.get(admin2.email)).toMatchObject({ create_time: adminMembership.createdAt.toISOString() });
    // And the list's total over every page, for the filter.
    expect(res.body.total_size).toBe(5);
    const narrowed = await api.get(`${base()}${q({ filter: 'role_scope = workspace', page_size: "1" })}`, { token: ownerToken });
    expect(narrowed.body.users).toHaveLength(1);
    expect(narrowed.body.total_size).toBe(4);
    expect(byEmail.get(admin2.email)).toMatchObject({ roles: [{ name: "org-admin", role_scope: "ROLE_SCOPE_ORGANIZATION" }] });
    expect(byEmail.get(carol.email)).toMatchObject({ roles: [{ name: customRoleId, role_scope: "ROLE_SCOPE_WORKSPACE" }] });
    expect(res.body.next_page_token).toBe("");
  });

  it("orders by created_time desc by default, and by display_name, email, updated_time on request", async () => {
    const prisma = await db();
    const direct = await prisma.workspaceMember.findMany({ where: { workspaceId: wsId }, select: { userId: true, createdAt: true } });
    const orgAdmin = await prisma.organizationMember.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: orgId, userId: admin2.id } },
      select: { userId: true, createdAt: true },
    });
    const expected = [...direct, orgAdmin]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.userId < b.userId ? 1 : -1))
      .map((r) => r.userId);
    const byDefault = await api.get(base(), { token: ownerToken });
    expect(byDefault.body.users.map(idOf)).toEqual(expected);

    const byName = await api.get(`${base()}${q({ order_by: "display_name" })}`, { token: ownerToken });
    expect(byName.body.users.map((u: { user: { display_name: string } }) => u.user.display_name)).toEqual([
      "Adam Admin", "Alice Editor", "Bob Viewer", "Carol 100% Custom", "Olivia Owner",
    ]);
    const byEmailDesc = await api.get(`${base()}${q({ order_by: "email desc" })}`, { token: ownerToken });
    expect(emails(byEmailDesc.body)).toEqual([...emails(byEmailDesc.body)].sort().reverse());
    const byUpdated = await api.get(`${base()}${q({ order_by: "updated_time desc, display_name" })}`, { token: ownerToken });
    expect(byUpdated.status).toBe(200);
    expect(byUpdated.body.users).toHaveLength(5);

    const unknown = await api.get(`${base()}${q({ order_by: "title" })}`, { token: ownerToken });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/order_by/);
  });

  it("pages stably with signed tokens bound to the filter and order", async () => {
    for (const order_by of ["created_time desc", "display_name", "email desc", "updated_time"]) {
      const all = await api.get(`${base()}${q({ order_by })}`, { token: ownerToken });
      const seen: string[] = [];
      let token = "";
      for (let i = 0; i < 10; i++) {
        const page = await api.get(`${base()}${q({ order_by, page_size: "2", ...(token ? { page_token: token } : {}) })}`, { token: ownerToken });
        expect(page.status).toBe(200);
        expect(page.body.users.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.users.map(idOf));
        token = page.body.next_page_token;
        if (!token) break;
      }
      expect(seen, order_by).toEqual(all.body.users.map(idOf));
    }
    const first = await api.get(`${base()}${q({ page_size: "2" })}`, { token: ownerToken });
    const token = first.body.next_page_token;
    expect(token).not.toBe("");
    const otherOrder = await api.get(`${base()}${q({ page_size: "2", page_token: token, order_by: "email" })}`, { token: ownerToken });
    expect(otherOrder.status).toBe(400);
    expect(otherOrder.body.details[0].reason).toBe("INVALID_PAGE_TOKEN");
    const otherFilter = await api.get(`${base()}${q({ page_size: "2", page_token: token, filter: 'search:"a"' })}`, { token: ownerToken });
    expect(otherFilter.status).toBe(400);
    const tampered = await api.get(`${base()}${q({ page_size: "2", page_token: `x${token}` })}`, { token: ownerToken });
    expect(tampered.status).toBe(400);
    const negative = await api.get(`${base()}${q({ page_size: "-1" })}`, { token: ownerToken });
    expect(negative.status).toBe(400);
  });

  it("binds page tokens to the workspace: another workspace's token is rejected", async () => {
    const other = await makeWorkspace(owner, orgId, { title: "Other" });
    await addMember(alice.id, orgId, ["org-member"], { id: other.workspace_id, roles: ["workspace-viewer"] });
    const page = await api.get(`/api/v1/organizations/${orgId}/workspaces/${other.workspace_id}/users?page_size=1`, { token: ownerToken });
    expect(page.body.next_page_token).not.toBe("");
    const reused = await api.get(`${base()}${q({ page_size: "1", page_token: page.body.next_page_token })}`, { token: ownerToken });
    expect(reused.status).toBe(400);
  });

  it("filters by role title or id (case-insensitive), custom role title, and role_scope", async () => {
    const cases: [string, string[]][] = [
      ['role = "Workspace Viewer"', [bob.email]],
      ['role = "workspace viewer"', [bob.email]],
      ["role = workspace-editor", [alice.email]],
      ['role = "WORKSPACE-ADMIN"', [owner.email]],
      ['role = "auditor"', [carol.email]],
      [`role = "${customRoleId}"`, [carol.email]],
      ['role = "Organization Admin"', [owner.email, admin2.email]],
      ['role = "No Such Role"', []],
      ['role != "Workspace Viewer" AND role_scope = workspace', [owner.email, alice.email, carol.email]],
      ["role_scope = organization", [owner.email, admin2.email]],
      ["role_scope = WORKSPACE", [owner.email, alice.email, bob.email, carol.email]],
      ['role_scope != workspace', [admin2.email]],
      ['role = "Workspace Viewer" OR role = "Workspace Editor"', [alice.email, bob.email]],
    ];
    for (const [filter, expected] of cases) {
      const res = await api.get(`${base()}${q({ filter })}`, { token: ownerToken });
      expect(res.status, filter).toBe(200);
      expect(emails(res.body).sort(), filter).toEqual([...expected].sort());
    }
  });

  it("searches name and email, partial and case-insensitive, with wildcards taken literally", async () => {
    const cases: [string, string[]][] = [
      ['search : "ALICE"', [alice.email]],
      ['search : "editor"', [alice.email]],
      [`search : "${bob.email.split("@")[0].slice(-6)}"`, [bob.email]],
      ['search : "example.test"', [owner.email, admin2.email, alice.email, bob.email, carol.email]],
      ['search : "100%"', [carol.email]],
      ['search : "%"', [carol.email]],
      ['search : "_"', []],
      ['search : "a" AND role_scope = organization', [owner.email, admin2.email]],
    ];
    for (const [filter, expected] of cases) {
      const res = await api.get(`${base()}${q({ filter })}`, { token: ownerToken });
      expect(res.status, filter).toBe(200);
      expect(emails(res.body).sort(), filter).toEqual([...expected].sort());
    }
  });

  it("rejects unknown fields, operators and values with the position", async () => {
    const cases: [string, RegExp][] = [
      ['title = "x"', /unknown field 'title' at position 1/],
      ['search = "x"', /operator '=' is not supported on 'search'/],
      ["role_scope = team", /'team' is not 'workspace' or 'organization'/],
      ['role = "x" AND (', /expected a comparison at position/],
    ];
    for (const [filter, message] of cases) {
      const res = await api.get(`${base()}${q({ filter })}`, { token: ownerToken });
      expect(res.status, filter).toBe(400);
      expect(res.body.message, filter).toMatch(message);
    }
  });

  it("treats filter values as data, never SQL", async () => {
    const res = await api.get(`${base()}${q({ filter: `search : "'; DROP TABLE users; --"` })}`, { token: ownerToken });
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([]);
    expect(await (await db()).user.count()).toBeGreaterThan(0);
  });

  it("is NOT_FOUND for callers outside the organization and for org members outside the workspace", async () => {
    expect((await api.get(base(), { token: await makeToken(outsider) })).status).toBe(404);
    expect((await api.get(base(), { token: await makeToken(dave) })).status).toBe(404);
    const viewer = await api.get(base(), { token: await makeToken(bob) });
    expect(viewer.status).toBe(200);
  });
});

describe("GET …/users/{user}", () => {
  it("returns a direct member or an org admin as v1UserWithRoles, else NOT_FOUND", async () => {
    const res = await api.get(`${base()}/${alice.id}`, { token: ownerToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      user: { name: `organizations/${orgId}/users/${alice.id}`, display_name: "Alice Editor", email: alice.email },
      roles: [{ name: "workspace-editor", role_scope: "ROLE_SCOPE_WORKSPACE" }],
    });
    expect((await api.get(`${base()}/${admin2.id}`, { token: ownerToken })).body.roles).toEqual([{ name: "org-admin", role_scope: "ROLE_SCOPE_ORGANIZATION" }]);
    expect((await api.get(`${base()}/${dave.id}`, { token: ownerToken })).status).toBe(404);
    expect((await api.get(`${base()}/${outsider.id}`, { token: ownerToken })).status).toBe(404);
    expect((await api.get(`${base()}/not-a-user`, { token: ownerToken })).status).toBe(404);
  });
});

describe("POST …/workspaces/{ws}/users", () => {
  it("adds an organization member by email or user_id: 201, Location, audit entry", async () => {
    const erin = await makeUser("Erin New");
    await addMember(erin.id, orgId, ["org-member"]);
    const res = await api.post(base(), { token: ownerToken, body: { email: `  ${erin.email.toUpperCase()} `, roles: ["workspace-viewer"] } });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${orgId}/workspaces/${wsId}/users/${erin.id}`);
    expect(res.body).toEqual({
      user: { name: `organizations/${orgId}/users/${erin.id}`, display_name: "Erin New", email: erin.email },
      roles: [{ name: "workspace-viewer", role_scope: "ROLE_SCOPE_WORKSPACE" }],
    });
    expect(kognitosSchemaValidator("v1UserWithRoles")(res.body)).toBe(true);
    const audit = await (await db()).auditLogEntry.findMany({ where: { workspaceId: wsId, action: "member.add", resource: { endsWith: erin.id } } });
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toMatchObject({ after: { user_id: erin.id, roles: ["workspace-viewer"] } });
    expect(audit[0].actorEmail).toBe(owner.email);

    const frank = await makeUser("Frank New");
    await addMember(frank.id, orgId, ["org-member"]);
    const byId = await api.post(base(), { token: ownerToken, body: { user_id: frank.id, roles: ["workspace-editor", customRoleId, "workspace-editor"] } });
    expect(byId.status).toBe(201);
    expect(byId.body.roles.map((r: { name: string }) => r.name)).toEqual(["workspace-editor", customRoleId]);
  });

  it("refuses people outside the organization with FAILED_PRECONDITION (invite instead), registered or not", async () => {
    for (const body of [
      { email: outsider.email, roles: ["workspace-viewer"] },
      { email: "nobody.at.all@example.test", roles: ["workspace-viewer"] },
      { user_id: outsider.id, roles: ["workspace-viewer"] },
      { user_id: "usr_doesnotexist000000000000", roles: ["workspace-viewer"] },
    ]) {
      const res = await api.post(base(), { token: ownerToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe(9);
      expect(res.body.details[0].reason).toBe("NOT_ORGANIZATION_MEMBER");
      expect(res.body.message).toMatch(/invite/);
    }
  });

  it("validates the body: one of user_id/email, known workspace roles, no duplicates of members", async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ roles: ["workspace-viewer"] }, "user_id"],
      [{ email: dave.email, user_id: dave.id, roles: ["workspace-viewer"] }, "user_id"],
      [{ email: dave.email, roles: [] }, "roles"],
      [{ email: dave.email, roles: ["workspace-owner"] }, "roles"],
      [{ email: dave.email, roles: ["org-admin"] }, "roles"],
      [{ email: dave.email, roles: ["role_ofanotherworkspace0000000"] }, "roles"],
      [{ email: dave.email, roles: ["workspace-viewer"], admin: true }, "admin"],
    ];
    for (const [body, field] of bad) {
      const res = await api.post(base(), { token: ownerToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe(3);
      const violations = res.body.details.find((d: { "@type": string }) => d["@type"].endsWith("BadRequest")).field_violations;
      expect(violations.map((v: { field: string }) => v.field), JSON.stringify(body)).toContain(field);
    }
    const again = await api.post(base(), { token: ownerToken, body: { email: alice.email, roles: ["workspace-viewer"] } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe(6);
  });

  it("lets an org admin who is not a direct member become one: still listed once, with both role sets", async () => {
    const admin3 = await makeUser("Ada Third Admin");
    await addMember(admin3.id, orgId, ["org-admin"]);
    const res = await api.post(base(), { token: ownerToken, body: { user_id: admin3.id, roles: ["workspace-viewer"] } });
    expect(res.status).toBe(201);
    expect(res.body.roles).toEqual([
      { name: "workspace-viewer", role_scope: "ROLE_SCOPE_WORKSPACE" },
      { name: "org-admin", role_scope: "ROLE_SCOPE_ORGANIZATION" },
    ]);
    const list = await api.get(`${base()}${q({ filter: `search : "Ada Third"` })}`, { token: ownerToken });
    expect(list.body.users).toHaveLength(1);
  });
});

describe("PATCH …/workspaces/{ws}/users/{user}", () => {
  it("replaces the workspace roles and records before and after", async () => {
    const gina = await makeUser("Gina Patch");
    await addMember(gina.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    const res = await api.patch(`${base()}/${gina.id}`, { token: ownerToken, body: { roles: ["workspace-editor", customRoleId] } });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual([
      { name: "workspace-editor", role_scope: "ROLE_SCOPE_WORKSPACE" },
      { name: customRoleId, role_scope: "ROLE_SCOPE_WORKSPACE" },
    ]);
    const stored = await (await db()).workspaceMember.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: wsId, userId: gina.id } } });
    expect(stored.roles).toEqual(["workspace-editor", customRoleId]);
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { action: "member.update", resource: { endsWith: gina.id } } });
    expect(audit.changes).toEqual({ before: { roles: ["workspace-viewer"] }, after: { roles: ["workspace-editor", customRoleId] } });
    const withMask = await api.patch(`${base()}/${gina.id}?update_mask=roles`, { token: ownerToken, body: { roles: ["workspace-viewer"] } });
    expect(withMask.status).toBe(200);
    const badMask = await api.patch(`${base()}/${gina.id}?update_mask=user`, { token: ownerToken, body: { roles: ["workspace-viewer"] } });
    expect(badMask.status).toBe(400);
  });

  it("is NOT_FOUND for users who are not direct members, and INVALID_ARGUMENT for unknown roles", async () => {
    expect((await api.patch(`${base()}/${dave.id}`, { token: ownerToken, body: { roles: ["workspace-viewer"] } })).status).toBe(404);
    expect((await api.patch(`${base()}/${admin2.id}`, { token: ownerToken, body: { roles: ["workspace-viewer"] } })).status).toBe(404);
    expect((await api.patch(`${base()}/${outsider.id}`, { token: ownerToken, body: { roles: ["workspace-viewer"] } })).status).toBe(404);
    expect((await api.patch(`${base()}/${bob.id}`, { token: ownerToken, body: { roles: ["nope"] } })).status).toBe(400);
    expect((await api.patch(`${base()}/${bob.id}`, { token: ownerToken, body: {} })).status).toBe(400);
  });
});

describe("DELETE …/workspaces/{ws}/users/{user}", () => {
  it("removes the member and revokes their pending invitations to this workspace only", async () => {
    const hank = await makeUser("Hank Leaving");
    await addMember(hank.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    const other = await makeWorkspace(owner, orgId, { title: "Elsewhere WS" });
    const here = await pendingInvitation(hank.email, wsId);
    const there = await pendingInvitation(hank.email, other.workspace_id);
    const res = await api.delete(`${base()}/${hank.id}`, { token: ownerToken });
    expect(res.status).toBe(204);
    expect((await api.get(`${base()}/${hank.id}`, { token: ownerToken })).status).toBe(404);
    const prisma = await db();
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: here } })).state).toBe("REVOKED");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: there } })).state).toBe("PENDING");
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { action: "member.remove", resource: { endsWith: hank.id } } });
    expect(audit.changes).toMatchObject({ before: { roles: ["workspace-viewer"] }, left_by_self: false, revoked_invitation_ids: [here] });
    expect((await api.delete(`${base()}/${hank.id}`, { token: ownerToken })).status).toBe(404);
  });

  it("lets a member leave without delete:Member, but not remove others", async () => {
    const ivy = await makeUser("Ivy Viewer");
    await addMember(ivy.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    const ivyToken = await makeToken(ivy);
    const other = await api.delete(`${base()}/${bob.id}`, { token: ivyToken });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe(7);
    const leave = await api.delete(`${base()}/${ivy.id}`, { token: ivyToken });
    expect(leave.status).toBe(204);
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { action: "member.remove", resource: { endsWith: ivy.id } } });
    expect(audit.changes).toMatchObject({ left_by_self: true });
    // Having left, the workspace is out of reach.
    expect((await api.get(base(), { token: ivyToken })).status).toBe(404);
  });

  it("does not let a read-only token leave", async () => {
    const jay = await makeUser("Jay ReadOnly");
    await addMember(jay.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    const ro = await makeToken(jay, { access: "READ_ONLY" });
    const res = await api.delete(`${base()}/${jay.id}`, { token: ro });
    expect(res.status).toBe(403);
    expect(res.body.details[0].reason).toBe("TOKEN_READ_ONLY");
  });

  it("refuses member changes in a disabled workspace", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Frozen" });
    const kim = await makeUser("Kim Frozen");
    await addMember(kim.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-viewer"] });
    await (await db()).workspace.update({ where: { id: ws.workspace_id }, data: { state: "DISABLED" } });
    const url = `/api/v1/organizations/${orgId}/workspaces/${ws.workspace_id}/users`;
    const add = await api.post(url, { token: ownerToken, body: { email: dave.email, roles: ["workspace-viewer"] } });
    expect(add.status).toBe(400);
    expect(add.body.details[0].reason).toBe("WORKSPACE_DISABLED");
    expect((await api.patch(`${url}/${kim.id}`, { token: ownerToken, body: { roles: ["workspace-editor"] } })).body.code).toBe(9);
    expect((await api.delete(`${url}/${kim.id}`, { token: await makeToken(kim) })).body.code).toBe(9);
    expect((await api.get(url, { token: ownerToken })).status).toBe(200);
  });
});

describe("tenant isolation", () => {
  it("answers NOT_FOUND for another organization's workspace on every member route", async () => {
    const t = await makeToken(outsider);
    const paths: [string, string, unknown?][] = [
      ["GET", base()],
      ["POST", base(), { email: outsider.email, roles: ["workspace-viewer"] }],
      ["GET", `${base()}/${alice.id}`],
      ["PATCH", `${base()}/${alice.id}`, { roles: ["workspace-viewer"] }],
      ["DELETE", `${base()}/${alice.id}`],
      ["DELETE", `${base()}/${outsider.id}`],
    ];
    for (const [method, path, body] of paths) {
      const res = await (method === "GET" ? api.get(path, { token: t }) : method === "POST" ? api.post(path, { token: t, body }) : method === "PATCH" ? api.patch(path, { token: t, body }) : api.delete(path, { token: t }));
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // A workspace id of another organization under this organization's path is not found either.
    const theirs = await makeWorkspace(outsider, (await makeOrg(outsider, "Theirs")).organization_id, { title: "Theirs" });
    const res = await api.get(`/api/v1/organizations/${orgId}/workspaces/${theirs.workspace_id}/users`, { token: ownerToken });
    expect(res.status).toBe(404);
  });
});
