// DELETE /organizations/{org} and :undelete (API.md §2): the owner soft-deletes the organization,
// which and everything in it are then NOT_FOUND for everyone, and restores it with everything as
// it was until its purge time. Every refusal: a non-owner admin, a member, an outsider, a
// read-only token, a second delete, restoring a live one, restoring past the purge time.

import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { previewInvitation } from "@/lib/domain/invitations/preview-invitation";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { errorInfo, expectRpcError } from "@/lib/testing/rpc";

let owner: TestUser;
let ownerToken: string;
let orgId: string;
let wsId: string;
let admin: TestUser;
let adminToken: string;
let member: TestUser;
let memberToken: string;

const orgUrl = () => `/api/v1/organizations/${orgId}`;

beforeEach(async () => {
  owner = await makeUser("Olga Owner");
  ownerToken = await makeToken(owner);
  orgId = (await makeOrg(owner, "Doomed Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Inside" })).workspace_id;
  admin = await makeUser("Adam Admin");
  await addMember(admin.id, orgId, ["org-admin"]);
  adminToken = await makeToken(admin);
  member = await makeUser("Mia Member");
  await addMember(member.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
  memberToken = await makeToken(member);
});

describe("DELETE /organizations/{org}", () => {
  it("soft-deletes for the owner: the organization and everything in it are NOT_FOUND for everyone", async () => {
    const invitee = await makeUser("Ines Invitee");
    const invited = await api.post(`${orgUrl()}/workspaces/${wsId}/invites`, { token: ownerToken, body: { emails: [invitee.email], roles: ["workspace-viewer"] } });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const link = await tokenFromOutbox(invitee.email, "invite");
    const invitationId = invited.body.invitations[0].invitation_id;

    const before = Date.now();
    const res = await api.delete(orgUrl(), { token: ownerToken });
    expect(res.status, JSON.stringify(res.body)).toBe(204);

    for (const token of [ownerToken, adminToken, memberToken]) {
      expectRpcError(await api.get(orgUrl(), { token }), 404, 5, "ORGANIZATION_NOT_FOUND");
      expectRpcError(await api.get(`${orgUrl()}/workspaces`, { token }), 404, 5, "ORGANIZATION_NOT_FOUND");
      expectRpcError(await api.get(`${orgUrl()}/workspaces/${wsId}`, { token }), 404, 5, "ORGANIZATION_NOT_FOUND");
      expectRpcError(await api.get(`${orgUrl()}/workspaces/${wsId}/users`, { token }), 404, 5, "ORGANIZATION_NOT_FOUND");
      expectRpcError(await api.patch(orgUrl(), { token, body: { title: "Back?" } }), 404, 5, "ORGANIZATION_NOT_FOUND");
      const mine = await api.get("/api/v1/me/organizations", { token });
      expect(mine.body.user_organizations.map((o: { organization_id: string }) => o.organization_id)).not.toContain(orgId);
    }
    // A second delete finds nothing.
    expectRpcError(await api.delete(orgUrl(), { token: ownerToken }), 404, 5, "ORGANIZATION_NOT_FOUND");

    // The invitation is gone from the invitee's list, and its link and id are dead.
    const inviteeToken = await makeToken(invitee);
    expect((await api.get("/api/v1/me/invitations", { token: inviteeToken })).body.invitations).toEqual([]);
    await expect(previewInvitation(link)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expectRpcError(await api.post("/api/v1/invitations:accept", { token: inviteeToken, body: { token: link } }), 404, 5, "INVITATION_LINK_INVALID");
    expect((await api.post(`/api/v1/me/invitations/${invitationId}:decline`, { token: inviteeToken })).status).toBe(404);
    expect((await api.get(`${orgUrl()}/invitations/${invitationId}`, { token: inviteeToken })).status).toBe(404);

    // Only the owner sees it, with show_deleted, with its restore window.
    const shown = await api.get("/api/v1/me/organizations?show_deleted=true", { token: ownerToken });
    const entry = shown.body.user_organizations.find((o: { organization_id: string }) => o.organization_id === orgId);
    expect(entry).toMatchObject({ title: "Doomed Org" });
    expect(Date.parse(entry.delete_time)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(entry.purge_time) - Date.parse(entry.delete_time)).toBe(30 * 24 * 60 * 60 * 1000);
    for (const token of [adminToken, memberToken]) {
      const other = await api.get("/api/v1/me/organizations?show_deleted=true", { token });
      expect(other.body.user_organizations.map((o: { organization_id: string }) => o.organization_id)).not.toContain(orgId);
    }

    // Nothing inside was touched, and the deletion is on the record.
    const prisma = await db();
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: wsId } })).toMatchObject({ state: "ACTIVE", deleteTime: null });
    expect(await prisma.auditLogEntry.count({ where: { organizationId: orgId, action: "organization.delete", actorEmail: owner.email } })).toBe(1);
  });

  it("refuses everyone but the owner: an admin or member PERMISSION_DENIED, an outsider NOT_FOUND, a read-only token", async () => {
    const notOwner = await api.delete(orgUrl(), { token: adminToken });
    expectRpcError(notOwner, 403, 7, "NOT_ORGANIZATION_OWNER");
    const plainMember = await api.delete(orgUrl(), { token: memberToken });
    expectRpcError(plainMember, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(plainMember.body)?.metadata.permission).toBe("update:Organization");
    const outsider = await makeUser("Otto Outsider");
    expectRpcError(await api.delete(orgUrl(), { token: await makeToken(outsider) }), 404, 5, "ORGANIZATION_NOT_FOUND");
    expectRpcError(await api.delete(orgUrl(), { token: await makeToken(owner, { access: "READ_ONLY" }) }), 403, 7, "TOKEN_READ_ONLY");
    expect((await api.get(orgUrl(), { token: memberToken })).status).toBe(200);
    expect(await (await db()).organization.findUniqueOrThrow({ where: { id: orgId } })).toMatchObject({ deleteTime: null, purgeTime: null });
  });
});

describe("POST /organizations/{org}:undelete", () => {
  it("restores for the owner with everything as it was", async () => {
    expect((await api.delete(orgUrl(), { token: ownerToken })).status).toBe(204);
    const res = await api.post(`${orgUrl()}:undelete`, { token: ownerToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ organization_id: orgId, title: "Doomed Org" });
    expect(res.body.delete_time).toBeUndefined();
    expect((await api.get(`${orgUrl()}/workspaces/${wsId}`, { token: memberToken })).status).toBe(200);
    const mine = await api.get("/api/v1/me/organizations", { token: memberToken });
    expect(mine.body.user_organizations.map((o: { organization_id: string }) => o.organization_id)).toContain(orgId);
    expect(await (await db()).auditLogEntry.count({ where: { organizationId: orgId, action: "organization.undelete" } })).toBe(1);
  });

  it("refuses a non-owner, a live organization, and one past its purge time", async () => {
    expectRpcError(await api.post(`${orgUrl()}:undelete`, { token: ownerToken }), 400, 9, "ORGANIZATION_NOT_DELETED");
    expect((await api.delete(orgUrl(), { token: ownerToken })).status).toBe(204);
    expectRpcError(await api.post(`${orgUrl()}:undelete`, { token: adminToken }), 403, 7, "NOT_ORGANIZATION_OWNER");
    expectRpcError(await api.post(`${orgUrl()}:undelete`, { token: memberToken }), 403, 7, "PERMISSION_DENIED");
    const outsider = await makeUser("Otto Again");
    expectRpcError(await api.post(`${orgUrl()}:undelete`, { token: await makeToken(outsider) }), 404, 5, "ORGANIZATION_NOT_FOUND");

    // Past its purge time it is gone, whether or not the job has run.
    await (await db()).organization.update({ where: { id: orgId }, data: { purgeTime: new Date(Date.now() - 1000) } });
    expectRpcError(await api.post(`${orgUrl()}:undelete`, { token: ownerToken }), 404, 5, "ORGANIZATION_NOT_FOUND");
    const shown = await api.get("/api/v1/me/organizations?show_deleted=true", { token: ownerToken });
    expect(shown.body.user_organizations.map((o: { organization_id: string }) => o.organization_id)).not.toContain(orgId);
  });

  it("lets one of two concurrent restores win; the other finds it no longer deleted", async () => {
    expect((await api.delete(orgUrl(), { token: ownerToken })).status).toBe(204);
    const results = await Promise.all([api.post(`${orgUrl()}:undelete`, { token: ownerToken }), api.post(`${orgUrl()}:undelete`, { token: ownerToken })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await (await db()).auditLogEntry.count({ where: { organizationId: orgId, action: "organization.undelete" } })).toBe(1);
  });
});
