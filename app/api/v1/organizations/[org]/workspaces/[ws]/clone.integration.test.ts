import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { errorInfo, expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Clara Cloner");
  orgId = (await makeOrg(owner, "Clones")).organization_id;
  token = await makeToken(owner);
});

const wsUrl = (id: string) => `/api/v1/organizations/${orgId}/workspaces/${id}`;
const clone = (id: string, body: object, t = token) => api.post(`${wsUrl(id)}:clone`, { token: t, body });

/** A workspace with everything a clone may or may not copy. */
async function richSource(title: string) {
  const prisma = await db();
  const ws = await makeWorkspace(owner, orgId, {
    title,
    description: "The original",
    workspace_icon: "flask",
    workspace_icon_color: "#AA0000",
    data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: 0 }, { region: "us-west-2", priority: 1 }], pii_strategy: "STRICT" },
    configuration: { domain: "clones.example" },
  });
  await prisma.workspacePreferences.update({
    where: { workspaceId: ws.workspace_id },
    data: { supportTeamAccess: true, timeZone: "Europe/Zurich", dateFormat: "DATE_FORMAT_DD_MM_YYYY_DOT", decimalPlaces: 3 },
  });
  const roleId = `role_src${ws.workspace_id.slice(3, 23)}`;
  await prisma.role.create({
    data: { id: roleId, workspaceId: ws.workspace_id, title: "Auditor", titleKey: "auditor", description: "Reads logs", permissions: ["read:Workspace", "read:AuditLog"] },
  });
  const member = await makeUser("Mia Member");
  await addMember(member.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-viewer", roleId] });
  const leaver = await makeUser("Lee Leaver");
  await addMember(leaver.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
  await prisma.organizationMember.delete({ where: { organizationId_userId: { organizationId: orgId, userId: leaver.id } } });
  await prisma.invitation.create({
    data: { id: `inv_${ws.workspace_id.slice(3)}`, organizationId: orgId, workspaceId: ws.workspace_id, email: "invitee@clones.example", roles: ["workspace-viewer"], tokenHash: ws.workspace_id, expireTime: new Date(Date.now() + 86_400_000) },
  });
  await prisma.oAuthCredential.create({
    data: { id: `cred_${ws.workspace_id.slice(3)}`, organizationId: orgId, workspaceId: ws.workspace_id, name: "crm", actorType: "SERVICE", configEncrypted: "x", keyId: "test", configMasked: {} },
  });
  return { ws, roleId, member, leaver };
}

describe("POST …/workspaces/{ws}:clone", () => {
  it("copies description, icon, color, configuration, data policy, preferences and custom roles, not members", async () => {
    const { ws } = await richSource("Original A");
    const res = await clone(ws.workspace_id, { title: "Copy A" });
    expect(res.status).toBe(201);
    const copy = res.body;
    expect(res.headers.get("location")).toBe(`/api/v1/organizations/${orgId}/workspaces/${copy.workspace_id}`);
    expect(copy.workspace_id).not.toBe(ws.workspace_id);
    expect(copy).toMatchObject({
      title: "Copy A",
      description: "The original",
      workspace_icon: "flask",
      workspace_icon_color: "#AA0000",
      data_policy: ws.data_policy,
      configuration: { domain: "clones.example" },
      state: "ACTIVE",
      state_transitions: [],
      creator_email: owner.email,
      etag: 'W/"1"',
      delete_time: null,
    });

    const prisma = await db();
    const prefs = await prisma.workspacePreferences.findUniqueOrThrow({ where: { workspaceId: copy.workspace_id } });
    expect(prefs).toMatchObject({ supportTeamAccess: true, timeZone: "Europe/Zurich", dateFormat: "DATE_FORMAT_DD_MM_YYYY_DOT", decimalPlaces: 3, timeFormat: null });
    const roles = await prisma.role.findMany({ where: { workspaceId: copy.workspace_id } });
    expect(roles.map((r) => ({ title: r.title, description: r.description, permissions: r.permissions }))).toEqual([
      { title: "Auditor", description: "Reads logs", permissions: ["read:Workspace", "read:AuditLog"] },
    ]);
    expect(roles[0].id).toMatch(/^role_[0-9A-Za-z]{24}$/);
    const members = await prisma.workspaceMember.findMany({ where: { workspaceId: copy.workspace_id } });
    expect(members.map((m) => [m.userId, m.roles])).toEqual([[owner.id, ["workspace-admin"]]]);
    expect(await prisma.invitation.count({ where: { workspaceId: copy.workspace_id } })).toBe(0);
    expect(await prisma.oAuthCredential.count({ where: { workspaceId: copy.workspace_id } })).toBe(0);

    const audit = await prisma.auditLogEntry.findMany({ where: { workspaceId: copy.workspace_id } });
    expect(audit.map((a) => a.action)).toEqual(["workspace.clone"]);
    expect(audit[0].changes).toMatchObject({ source: ws.name, include_members: false, copied_roles: 1, after: { workspace_id: copy.workspace_id } });
    // The source is untouched.
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body).toEqual(ws);
  });

  it("copies members with their roles when asked, remapping custom role ids, and skips people no longer in the org", async () => {
    const { ws, roleId, member, leaver } = await richSource("Original B");
    const res = await clone(ws.workspace_id, { title: "Copy B", include_members: true });
    expect(res.status).toBe(201);
    const prisma = await db();
    const [newRole] = await prisma.role.findMany({ where: { workspaceId: res.body.workspace_id } });
    expect(newRole.id).not.toBe(roleId);
    const members = await prisma.workspaceMember.findMany({ where: { workspaceId: res.body.workspace_id } });
    const byUser = Object.fromEntries(members.map((m) => [m.userId, m.roles]));
    expect(byUser).toEqual({ [owner.id]: ["workspace-admin"], [member.id]: ["workspace-viewer", newRole.id] });
    expect(byUser[leaver.id]).toBeUndefined();
  });

  it("validates the body and keeps titles unique", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Clone me" });
    const missing = await clone(ws.workspace_id, {});
    expect(missing.status).toBe(400);
    expect(violatedFields(missing.body)).toEqual(["title"]);
    expect(violatedFields((await clone(ws.workspace_id, { title: "x", include_members: "yes" })).body)).toEqual(["include_members"]);
    expect(violatedFields((await clone(ws.workspace_id, { title: "x", description: "no" })).body)).toEqual(["description"]);
    const taken = await clone(ws.workspace_id, { title: "CLONE ME" });
    expectRpcError(taken, 409, 6, "WORKSPACE_TITLE_TAKEN");
  });

  it("lets one of two concurrent clones with one title win", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const results = await Promise.all([clone(ws.workspace_id, { title: "Twin" }), clone(ws.workspace_id, { title: "twin" })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("needs clone:Workspace on the source", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const editor = await makeUser("No Cloner");
    await addMember(editor.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
    const res = await clone(ws.workspace_id, { title: "Editor copy" }, await makeToken(editor));
    expectRpcError(res, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(res.body)?.metadata.permission).toBe("clone:Workspace");
  });

  it("needs create:Workspace on the organization too", async () => {
    const admin = await makeUser("Org Boss");
    const org = (await makeOrg(admin)).organization_id;
    const wsAdmin = await makeUser("Ws Admin");
    const ws = await makeWorkspace(admin, org);
    await addMember(wsAdmin.id, org, ["org-member"], { id: ws.workspace_id, roles: ["workspace-admin"] });
    await (await db()).organizationPreferences.update({ where: { organizationId: org }, data: { membersCanCreateWorkspaces: false } });
    const res = await api.post(`/api/v1/organizations/${org}/workspaces/${ws.workspace_id}:clone`, { token: await makeToken(wsAdmin), body: { title: "Not allowed" } });
    expectRpcError(res, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(res.body)?.metadata.permission).toBe("create:Workspace");
    expect(await (await db()).workspace.count({ where: { organizationId: org } })).toBe(1);
  });

  it("cannot clone a soft-deleted workspace", async () => {
    const ws = await makeWorkspace(owner, orgId);
    await api.delete(wsUrl(ws.workspace_id), { token });
    expectRpcError(await clone(ws.workspace_id, { title: "From the bin" }), 404, 5, "WORKSPACE_NOT_FOUND");
  });
});
