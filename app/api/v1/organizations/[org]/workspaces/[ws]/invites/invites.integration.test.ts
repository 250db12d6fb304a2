// The invitation operations over REST: status codes, bodies validated against seed 003's
// v1UserInvitation / ListWorkspaceUserInvites and our own schemas, the accept and decline paths,
// another tenant's invitations as 404, and the operations in the OpenAPI document.

import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { kognitosSchemaValidator, kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { GetInvitationOutput, ListInvitationsOutput, ListMyInvitationsOutput } from "@/lib/schemas/invitations";
import { ListOutboxMailsOutput } from "@/lib/schemas/mail";
import { expectRpcError } from "@/lib/testing/rpc";

let admin: TestUser;
let adminToken: string;
let orgId: string;
let wsId: string;
const base = () => `/api/v1/organizations/${orgId}`;
const invites = () => `${base()}/workspaces/${wsId}/invites`;

beforeAll(async () => {
  admin = await makeUser("Rest Admin");
  adminToken = await makeToken(admin);
  orgId = (await makeOrg(admin, "Rest Org")).organization_id;
  wsId = (await makeWorkspace(admin, orgId, { title: "Rest WS" })).workspace_id;
});

describe("invitations over REST", () => {
  it("creates (201), lists, gets and accepts, with bodies the vendor schemas accept", async () => {
    const invitee = await makeUser("Rest Invitee");
    const inviteeToken = await makeToken(invitee);
    const created = await api.post(invites(), { token: adminToken, body: { emails: [` ${invitee.email.toUpperCase()} `], roles: ["workspace-viewer"] } });
    expect(created.status).toBe(201);
    expect(created.body.invitations[0]).toMatchObject({ email: invitee.email, state: "PENDING" });
    const id = created.body.invitations[0].invitation_id;

    const list = await api.get(invites(), { token: adminToken });
    expect(list.status).toBe(200);
    expect(kognitosValidator("ListWorkspaceUserInvites")(list.body)).toBe(true);
    ListInvitationsOutput.parse(list.body);

    const org = await api.get(`${base()}/invites`, { token: adminToken });
    expect(org.status).toBe(200);
    ListInvitationsOutput.parse(org.body);
    expect(org.body.invitations.every((i: unknown) => kognitosSchemaValidator("v1UserInvitation")(i))).toBe(true);
    expect(org.body.invitations.map((i: { invitation_id: string }) => i.invitation_id)).toContain(id);

    const mine = await api.get("/api/v1/me/invitations", { token: inviteeToken });
    expect(ListMyInvitationsOutput.parse(mine.body).invitations.map((i) => i.invitation_id)).toEqual([id]);

    const got = await api.get(`${base()}/invitations/${id}`, { token: inviteeToken });
    expect(got.status).toBe(200);
    expect(GetInvitationOutput.parse(got.body)).toMatchObject({ workspace_id: wsId, workspace_display_name: "Rest WS", is_accepted: false, redirect_workspace_id: wsId });

    const accepted = await api.post("/api/v1/invitations:accept", { token: inviteeToken, body: { token: await tokenFromOutbox(invitee.email, "invite") } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organization_id: orgId, workspace_id: wsId });
    const again = await api.post("/api/v1/invitations:accept", { token: inviteeToken, body: { token: await tokenFromOutbox(invitee.email, "invite") } });
    expect(again.status).toBe(400);
    expect(again.body.details[0].reason).toBe("INVITATION_USED");
    expect((await api.get(`${base()}/invitations/${id}`, { token: adminToken })).body.is_accepted).toBe(true);
  });

  it("resends (old link dead), revokes (204), declines, and refuses unknown fields and bad addresses", async () => {
    const a = await api.post(invites(), { token: adminToken, body: { emails: ["rest.resend@example.test"], roles: ["workspace-viewer"] } });
    const id = a.body.invitations[0].invitation_id;
    const oldToken = await tokenFromOutbox("rest.resend@example.test", "invite");
    const resent = await api.post(`${invites()}/${id}:resend`, { token: adminToken });
    expect(resent.status).toBe(200);
    expect(await tokenFromOutbox("rest.resend@example.test", "invite")).not.toBe(oldToken);
    expect((await api.delete(`${invites()}/${id}`, { token: adminToken })).status).toBe(204);
    expect((await api.delete(`${invites()}/${id}`, { token: adminToken })).status).toBe(400);

    const decliner = await makeUser("Rest Decliner");
    const declinerToken = await makeToken(decliner);
    const d = await api.post(invites(), { token: adminToken, body: { emails: [decliner.email], roles: ["workspace-viewer"] } });
    const did = d.body.invitations[0].invitation_id;
    expect((await api.post(`/api/v1/me/invitations/${did}:decline`, { token: adminToken })).status).toBe(404);
    const declined = await api.post(`/api/v1/me/invitations/${did}:decline`, { token: declinerToken });
    expect(declined.status).toBe(200);
    expect(declined.body.state).toBe("DECLINED");

    // Accepting from the own list: someone else's invitation is 404, a used-up one 400, a pending one 200.
    const own = await api.post(invites(), { token: adminToken, body: { emails: [decliner.email], roles: ["workspace-viewer"] } });
    const oid = own.body.invitations[0].invitation_id;
    expectRpcError(await api.post(`/api/v1/me/invitations/${oid}:accept`, { token: adminToken }), 404, 5, "INVITATION_NOT_FOUND");
    expectRpcError(await api.post(`/api/v1/me/invitations/${did}:accept`, { token: declinerToken }), 400, 9, "INVITATION_DECLINED");
    const ownAccepted = await api.post(`/api/v1/me/invitations/${oid}:accept`, { token: declinerToken });
    expect(ownAccepted.status).toBe(200);
    expect(ownAccepted.body).toMatchObject({ organization_id: orgId, workspace_id: wsId, invitation: { invitation_id: oid, state: "ACCEPTED" } });

    const unknown = await api.post(invites(), { token: adminToken, body: { emails: ["x@example.test"], roles: ["workspace-viewer"], extra: 1 } });
    expect(unknown.status).toBe(400);
    const bad = await api.post(invites(), { token: adminToken, body: { emails: ["ok@example.test", "nope"], roles: ["workspace-viewer"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.find((d: { field_violations?: unknown }) => d.field_violations).field_violations[0].field).toBe("emails[1]");
  });

  it("answers 404 for another tenant's workspace and invitations", async () => {
    const other = await makeUser("Rest Outsider");
    const otherToken = await makeToken(other);
    expect((await api.get(invites(), { token: otherToken })).status).toBe(404);
    expect((await api.get(`${base()}/invites`, { token: otherToken })).status).toBe(404);
    const a = await api.post(invites(), { token: adminToken, body: { emails: ["rest.hidden@example.test"], roles: ["workspace-viewer"] } });
    const id = a.body.invitations[0].invitation_id;
    expect((await api.get(`${base()}/invitations/${id}`, { token: otherToken })).status).toBe(404);
    expect((await api.delete(`${invites()}/${id}`, { token: otherToken })).status).toBe(404);
  });

  it("shows organization admins the outbox, and sets the invitation lifetime within 1 hour–30 days", async () => {
    const mails = await api.get(`${base()}/mails`, { token: adminToken });
    expect(mails.status).toBe(200);
    const parsed = ListOutboxMailsOutput.parse(mails.body);
    expect(parsed.mails.length).toBeGreaterThan(0);
    expect(parsed.mails.every((m) => m.kind === "invitation")).toBe(true);
    expect((await api.patch(`${base()}/invitationSettings`, { token: adminToken, body: { invitation_ttl_hours: 721 } })).status).toBe(400);
    const ok = await api.patch(`${base()}/invitationSettings`, { token: adminToken, body: { invitation_ttl_hours: 24 } });
    expect(ok.status).toBe(200);
    expect((await api.get(`${base()}/invitationSettings`, { token: adminToken })).body).toEqual({ invitation_ttl_hours: 24 });
  });

  // Regression: ListOutboxMails answered queued invitation mails with their link, so whoever may
  // read the outbox (update:Organization) held the invitee's token, and signing up with it gives
  // an account for the invited address, already verified, without access to that mailbox.
  it("lists queued invitation mails without their link", async () => {
    const email = `outbox.reader.${Date.now()}@example.test`;
    expect((await api.post(invites(), { token: adminToken, body: { emails: [email], roles: ["workspace-viewer"] } })).status).toBe(201);
    const token = await tokenFromOutbox(email, "invite");
    const mails = await api.get(`${base()}/mails?filter=${encodeURIComponent(`to = "${email}"`)}`, { token: adminToken });
    expect(mails.status).toBe(200);
    expect(mails.body.mails).toHaveLength(1);
    expect(mails.body.mails[0].status).toBe("QUEUED");
    expect(JSON.stringify(mails.body)).not.toContain(token);
    expect(mails.body.mails[0].text).toContain("/invite/[link sent only to the recipient]");
  });

  it("puts the operations in the OpenAPI document", async () => {
    const doc = (await api.get("/api/v1/openapi.json")).body;
    const ids = Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    for (const id of ["ListWorkspaceUserInvites", "CreateWorkspaceUserInvites", "RevokeWorkspaceUserInvite", "ResendWorkspaceUserInvite", "ListOrganizationUserInvites", "GetInvitation", "AcceptInvitation", "ListCurrentUserInvitations", "AcceptCurrentUserInvitation", "DeclineInvitation"]) {
      expect(ids).toContain(id);
    }
  });
});
