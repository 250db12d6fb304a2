import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosSchemaValidator } from "@/lib/testing/kognitos-schemas";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

let owner: TestUser;
let ownerToken: string;
let orgId: string;
let wsId: string;
let admin2: TestUser;
let mia: TestUser; // org member, workspace viewer
let outsider: TestUser;

const base = () => `/api/v1/organizations/${orgId}/users`;
const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
const emails = (body: { users: { user: { email: string } }[] }) => body.users.map((u) => u.user.email);

function expectUserWithRoles(value: unknown) {
  const validate = kognitosSchemaValidator("v1UserWithRoles");
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

beforeAll(async () => {
  owner = await makeUser("Nora Owner");
  ownerToken = await makeToken(owner);
  orgId = (await makeOrg(owner, "People Co")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Main" })).workspace_id;
  admin2 = await makeUser("Oscar Admin");
  await addMember(admin2.id, orgId, ["org-admin"]);
  mia = await makeUser("Mia Member");
  await addMember(mia.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
  outsider = await makeUser("Uma Outsider");
  await makeOrg(outsider, "Other Co");
});

describe("GET /organizations/{org}/users (ListOrganizationUsers)", () => {
  it("lists the members with their organization roles as v1UserWithRoles", async () => {
    const res = await api.get(base(), { token: ownerToken });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["next_page_token", "total_size", "users"]);
    // Output-only addition to the list: every member matching the filter, over all pages.
    expect(res.body.total_size).toBe(3);
    res.body.users.forEach(expectUserWithRoles);
    expect(emails(res.body).sort()).toEqual([owner.email, admin2.email, mia.email].sort());
    const miaRow = res.body.users.find((u: { user: { email: string } }) => u.user.email === mia.email);
    expect(miaRow).toEqual({
      user: { name: `organizations/${orgId}/users/${mia.id}`, display_name: "Mia Member", email: mia.email },
      roles: [{ name: "org-member", role_scope: "ROLE_SCOPE_ORGANIZATION" }],
      // Output-only addition to v1UserWithRoles: when the membership was made (RFC 3339, UTC).
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      // Output-only addition: when the user was last active (Mia has made no request).
      last_active_time: null,
    });
  });

  it("supports the same filter and order_by as the workspace list", async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ filter: 'role = "Organization Admin"', order_by: "display_name" }, [owner.email, admin2.email]],
      [{ filter: "role = org-member" }, [mia.email]],
      [{ filter: 'search : "mia"' }, [mia.email]],
      [{ filter: "role_scope = organization", order_by: "display_name desc" }, [admin2.email, owner.email, mia.email]],
      [{ filter: "role_scope = workspace" }, []],
    ];
    for (const [params, expected] of cases) {
      const res = await api.get(`${base()}${q(params)}`, { token: ownerToken });
      expect(res.status, JSON.stringify(params)).toBe(200);
      if (params.order_by) expect(emails(res.body), JSON.stringify(params)).toEqual(expected);
      else expect(emails(res.body).sort(), JSON.stringify(params)).toEqual([...expected].sort());
    }
    const paged = await api.get(`${base()}${q({ page_size: "1", order_by: "email" })}`, { token: ownerToken });
    const second = await api.get(`${base()}${q({ page_size: "1", order_by: "email", page_token: paged.body.next_page_token })}`, { token: ownerToken });
    expect(emails(second.body)).toEqual([[owner.email, admin2.email, mia.email].sort()[1]]);
    expect((await api.get(`${base()}${q({ filter: "team = x" })}`, { token: ownerToken })).status).toBe(400);
  });

  it("is readable by every organization member and NOT_FOUND outside", async () => {
    expect((await api.get(base(), { token: await makeToken(mia) })).status).toBe(200);
    expect((await api.get(base(), { token: await makeToken(outsider) })).status).toBe(404);
  });
});

describe("GET /organizations/{org}/users/{user} (GetUserBasicInfo)", () => {
  it("answers for members of this organization only", async () => {
    const res = await api.get(`${base()}/${mia.id}`, { token: await makeToken(mia) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: `organizations/${orgId}/users/${mia.id}`, display_name: "Mia Member", email: mia.email });
    const validate = kognitosSchemaValidator("v1UserBasicInfo");
    expect(validate(res.body)).toBe(true);
    for (const id of [outsider.id, "usr_nosuchuser0000000000000", "not-an-id"]) {
      const missing = await api.get(`${base()}/${id}`, { token: ownerToken });
      expect(missing.status, id).toBe(404);
      expect(missing.body.details[0].reason).toBe("USER_NOT_FOUND");
    }
  });
});

describe("POST /organizations/{org}/users", () => {
  it("adds a registered user by email as org-member by default: 201, Location, audit", async () => {
    const pia = await makeUser("Pia Joiner");
    const res = await api.post(base(), { token: ownerToken, body: { email: pia.email.toUpperCase() } });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${orgId}/users/${pia.id}`);
    expect(res.body.roles).toEqual([{ name: "org-member", role_scope: "ROLE_SCOPE_ORGANIZATION" }]);
    expectUserWithRoles(res.body);
    // An org member is not in any workspace until added to one.
    expect((await api.get(`/api/v1/organizations/${orgId}/workspaces/${wsId}/users/${pia.id}`, { token: ownerToken })).status).toBe(404);
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { organizationId: orgId, action: "organization.member_add" } });
    expect(audit.changes).toMatchObject({ after: { user_id: pia.id, roles: ["org-member"] } });

    const rex = await makeUser("Rex Admin");
    const asAdmin = await api.post(base(), { token: ownerToken, body: { email: rex.email, roles: ["org-admin"] } });
    expect(asAdmin.body.roles).toEqual([{ name: "org-admin", role_scope: "ROLE_SCOPE_ORGANIZATION" }]);
  });

  it("refuses unknown accounts (invite instead), existing members and workspace roles", async () => {
    const unknown = await api.post(base(), { token: ownerToken, body: { email: "not.registered@example.test" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].reason).toBe("USER_NOT_REGISTERED");
    expect((await api.post(base(), { token: ownerToken, body: { email: mia.email } })).status).toBe(409);
    const wsRole = await api.post(base(), { token: ownerToken, body: { email: outsider.email, roles: ["workspace-admin"] } });
    expect(wsRole.status).toBe(400);
    expect(wsRole.body.details[0].reason).toBe("UNKNOWN_ROLE");
    expect((await api.post(base(), { token: ownerToken, body: { email: "x" } })).status).toBe(400);
  });
});

describe("PATCH /organizations/{org}/users/{user}", () => {
  it("replaces organization roles", async () => {
    const sam = await makeUser("Sam Promote");
    await addMember(sam.id, orgId, ["org-member"]);
    const res = await api.patch(`${base()}/${sam.id}`, { token: ownerToken, body: { roles: ["org-admin", "org-member"] } });
    expect(res.status).toBe(200);
    expect(res.body.roles.map((r: { name: string }) => r.name)).toEqual(["org-admin", "org-member"]);
    const demoted = await api.patch(`${base()}/${sam.id}`, { token: await makeToken(admin2), body: { roles: ["org-member"] } });
    expect(demoted.status).toBe(200);
    const audit = await (await db()).auditLogEntry.findMany({ where: { organizationId: orgId, action: "organization.member_update", resource: { endsWith: sam.id } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.changes)).toEqual([
      { before: { roles: ["org-member"] }, after: { roles: ["org-admin", "org-member"] } },
      { before: { roles: ["org-admin", "org-member"] }, after: { roles: ["org-member"] } },
    ]);
  });

  it("never takes org-admin from the owner, and is NOT_FOUND for non-members", async () => {
    const res = await api.patch(`${base()}/${owner.id}`, { token: await makeToken(admin2), body: { roles: ["org-member"] } });
    expect(res.status).toBe(400);
    expect(res.body.details[0].reason).toBe("ORGANIZATION_OWNER");
    expect((await api.patch(`${base()}/${owner.id}`, { token: ownerToken, body: { roles: ["org-member"] } })).body.code).toBe(9);
    const roles = (await (await db()).organizationMember.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: orgId, userId: owner.id } } })).roles;
    expect(roles).toContain("org-admin");
    expect((await api.patch(`${base()}/${outsider.id}`, { token: ownerToken, body: { roles: ["org-member"] } })).status).toBe(404);
  });
});

describe("DELETE /organizations/{org}/users/{user}", () => {
  it("removes the member from the organization, all its workspaces and pending invitations", async () => {
    const tom = await makeUser("Tom Leaving");
    const ws2 = (await makeWorkspace(owner, orgId, { title: "Second" })).workspace_id;
    await addMember(tom.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
    await addMember(tom.id, orgId, ["org-member"], { id: ws2, roles: ["workspace-admin"] });
    const elsewhere = await makeOrg(outsider, "Tom's Other Org");
    await addMember(tom.id, elsewhere.organization_id, ["org-member"]);
    const prisma = await db();
    const invite = await prisma.invitation.create({
      data: { id: newId("inv"), organizationId: orgId, workspaceId: wsId, email: tom.email, roles: ["workspace-admin"], tokenHash: randomBytes(32).toString("hex"), expireTime: new Date(Date.now() + 86_400_000) },
    });
    const tomToken = await makeToken(tom);
    expect((await api.get(`/api/v1/organizations/${orgId}`, { token: tomToken })).status).toBe(200);

    const res = await api.delete(`${base()}/${tom.id}`, { token: ownerToken });
    expect(res.status).toBe(204);
    expect(await prisma.workspaceMember.count({ where: { userId: tom.id, workspace: { organizationId: orgId } } })).toBe(0);
    expect(await prisma.organizationMember.count({ where: { userId: tom.id } })).toBe(1);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invite.id } })).state).toBe("REVOKED");
    expect((await api.get(`/api/v1/organizations/${orgId}`, { token: tomToken })).status).toBe(404);
    expect((await api.get(`/api/v1/organizations/${orgId}/workspaces/${ws2}`, { token: tomToken })).status).toBe(404);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { organizationId: orgId, action: "organization.member_remove" } });
    expect(audit.changes).toMatchObject({
      before: { user_id: tom.id, roles: ["org-member"] },
      removed_workspace_memberships: expect.arrayContaining([{ workspace_id: wsId, roles: ["workspace-editor"] }, { workspace_id: ws2, roles: ["workspace-admin"] }]),
      revoked_invitation_ids: [invite.id],
    });
    expect((await api.delete(`${base()}/${tom.id}`, { token: ownerToken })).status).toBe(404);
  });

  it("never removes the owner", async () => {
    const res = await api.delete(`${base()}/${owner.id}`, { token: await makeToken(admin2) });
    expect(res.status).toBe(400);
    expect(res.body.details[0].reason).toBe("ORGANIZATION_OWNER");
    expect(await (await db()).organizationMember.count({ where: { organizationId: orgId, userId: owner.id } })).toBe(1);
  });
});
