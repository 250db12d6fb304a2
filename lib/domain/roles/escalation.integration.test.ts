// Nobody grants a permission they do not hold: not by assigning a role, not by writing a custom
// role's permissions. A "member manager" custom role below may manage members and roles but holds
// none of the workspace's destructive permissions; every way it might reach them is tried.

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { builtInRole } from "@/lib/auth/permissions";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { addWorkspaceMember } from "@/lib/domain/members/add-workspace-member";
import { createWorkspaceRole } from "./create-workspace-role";

let owner: TestUser;
let ownerToken: string;
let orgId: string;
let wsId: string;
let manager: TestUser;
let managerToken: string;
let managerRoleId: string;
let powerRoleId: string;

const managerPermissions = [
  ...builtInRole("workspace-viewer")!.permissions,
  "create:Member",
  "update:Member",
  "create:Role",
  "update:Role",
];

const users = () => `/api/v1/organizations/${orgId}/workspaces/${wsId}/users`;
const roles = () => `/api/v1/organizations/${orgId}/workspaces/${wsId}/roles`;

function expectEscalation(res: { status: number; body: { code: number; details: { reason: string }[]; message: string } }, missing: string) {
  expect(res.status).toBe(403);
  expect(res.body.code).toBe(7);
  expect(res.body.details[0].reason).toBe("PERMISSION_ESCALATION");
  expect(res.body.message).toContain(missing);
}

async function orgMember(name: string): Promise<TestUser> {
  const u = await makeUser(name);
  await addMember(u.id, orgId, ["org-member"]);
  return u;
}

beforeAll(async () => {
  owner = await makeUser("Esme Owner");
  ownerToken = await makeToken(owner);
  orgId = (await makeOrg(owner, "Escalation Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Guarded" })).workspace_id;
  managerRoleId = (await api.post(roles(), { token: ownerToken, body: { title: "Member Manager", permissions: managerPermissions } })).body.role_id;
  powerRoleId = (await api.post(roles(), { token: ownerToken, body: { title: "Power", permissions: ["read:Workspace", "delete:Workspace"] } })).body.role_id;
  manager = await makeUser("Max Manager");
  await addMember(manager.id, orgId, ["org-member"], { id: wsId, roles: [managerRoleId] });
  managerToken = await makeToken(manager);
});

describe("role assignment", () => {
  it("lets the manager grant roles within their own permissions", async () => {
    const u = await orgMember("Granted Viewer");
    expect((await api.post(users(), { token: managerToken, body: { user_id: u.id, roles: ["workspace-viewer"] } })).status).toBe(201);
    const v = await orgMember("Granted Manager");
    expect((await api.post(users(), { token: managerToken, body: { user_id: v.id, roles: [managerRoleId] } })).status).toBe(201);
  });

  it("refuses to add a member with a role above the manager's", async () => {
    for (const [role, missing] of [["workspace-admin", "delete:Workspace"], ["workspace-editor", "update:Workspace"]] as const) {
      const u = await orgMember(`Would Be ${role}`);
      expectEscalation(await api.post(users(), { token: managerToken, body: { user_id: u.id, roles: ["workspace-viewer", role] } }), missing);
      expect(await (await db()).workspaceMember.count({ where: { workspaceId: wsId, userId: u.id } })).toBe(0);
    }
    const u = await orgMember("Would Be Power");
    expectEscalation(await api.post(users(), { token: managerToken, body: { user_id: u.id, roles: [powerRoleId] } }), "delete:Workspace");
  });

  it("refuses to promote anyone, the manager included, above the manager's permissions", async () => {
    const u = await orgMember("Promotee");
    await addMember(u.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    expectEscalation(await api.patch(`${users()}/${u.id}`, { token: managerToken, body: { roles: ["workspace-admin"] } }), "delete:Workspace");
    expectEscalation(await api.patch(`${users()}/${manager.id}`, { token: managerToken, body: { roles: [managerRoleId, "workspace-admin"] } }), "delete:Workspace");
    const stored = await (await db()).workspaceMember.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: wsId, userId: manager.id } } });
    expect(stored.roles).toEqual([managerRoleId]);
  });

  it("treats roles a member already holds as no grant: the manager may change the rest", async () => {
    const admin = await orgMember("Existing Admin");
    await addMember(admin.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-admin"] });
    const res = await api.patch(`${users()}/${admin.id}`, { token: managerToken, body: { roles: ["workspace-admin", "workspace-viewer"] } });
    expect(res.status).toBe(200);
  });

  it("applies in the domain function itself, whatever the edge", async () => {
    const u = await orgMember("Domain Target");
    const access = await authorize(manager.ctx, "create:Member", { organizationId: orgId, workspaceId: wsId });
    await expect(addWorkspaceMember(manager.ctx, access, { user_id: u.id, roles: ["workspace-admin"] })).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
      options: { reason: "PERMISSION_ESCALATION" },
    });
  });
});

describe("custom roles", () => {
  it("refuses to create a role with permissions the caller lacks", async () => {
    expectEscalation(await api.post(roles(), { token: managerToken, body: { title: "Sneaky", permissions: ["read:Workspace", "delete:Workspace"] } }), "delete:Workspace");
    expectEscalation(await api.post(roles(), { token: managerToken, body: { title: "Sneaky 2", permissions: ["read:Credential"] } }), "read:Credential");
    expect(await (await db()).role.count({ where: { workspaceId: wsId, title: { startsWith: "Sneaky" } } })).toBe(0);
    const ok = await api.post(roles(), { token: managerToken, body: { title: "Narrow", permissions: ["read:Workspace", "read:Member"] } });
    expect(ok.status).toBe(201);
  });

  it("refuses to add permissions the caller lacks to any role, their own included", async () => {
    const own = await api.patch(`${roles()}/${managerRoleId}`, { token: managerToken, body: { permissions: [...managerPermissions, "delete:Member"] } });
    expectEscalation(own, "delete:Member");
    const stored = await (await db()).role.findUniqueOrThrow({ where: { id: managerRoleId } });
    expect(stored.permissions).toEqual(managerPermissions);
    expect(stored.version).toBe(1);
    const narrow = (await api.post(roles(), { token: ownerToken, body: { title: "Narrow Two", permissions: ["read:Workspace"] } })).body;
    expectEscalation(await api.patch(`${roles()}/${narrow.role_id}`, { token: managerToken, body: { permissions: ["read:Workspace", "manage:WorkspaceState"] } }), "manage:WorkspaceState");
  });

  it("lets the caller remove permissions or edit text of a role holding more than they do", async () => {
    const res = await api.patch(`${roles()}/${powerRoleId}`, { token: managerToken, body: { description: "renamed by manager" } });
    expect(res.status).toBe(200);
    const narrowed = await api.patch(`${roles()}/${powerRoleId}`, { token: managerToken, body: { permissions: ["read:Workspace"] } });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.permissions).toEqual(["read:Workspace"]);
  });

  it("applies in the domain function itself", async () => {
    const access = await authorize(manager.ctx, "create:Role", { organizationId: orgId, workspaceId: wsId });
    await expect(createWorkspaceRole(manager.ctx, access, { title: "Domain", description: "", permissions: ["delete:Role"] })).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
  });
});

describe("organization roles", () => {
  it("cannot be reached from a workspace: org roles are not workspace roles", async () => {
    const u = await orgMember("Wants Org Admin");
    const res = await api.post(users(), { token: ownerToken, body: { user_id: u.id, roles: ["org-admin"] } });
    expect(res.status).toBe(400);
    expect(res.body.details[0].reason).toBe("UNKNOWN_ROLE");
  });

  it("are granted only by callers holding manage:OrganizationMember (org admins)", async () => {
    const workspaceAdmin = await orgMember("Workspace Admin Only");
    await addMember(workspaceAdmin.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-admin"] });
    const target = await orgMember("Org Admin Hopeful");
    const res = await api.patch(`/api/v1/organizations/${orgId}/users/${target.id}`, { token: await makeToken(workspaceAdmin), body: { roles: ["org-admin"] } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe(7);
  });
});
