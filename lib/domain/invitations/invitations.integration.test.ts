// The invitation state machine on a real database: create (normalise, refresh, members reported,
// domain, no escalation), list (pending by default, filters, paging, vendor schemas), get,
// revoke, resend, accept (every refusal leaves everything as it was), decline, concurrency.

import { beforeAll, describe, expect, it } from "vitest";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { kognitosSchemaValidator, kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { InvitationCreateInput, GetInvitationOutput, ListInvitationsOutput, ListMyInvitationsOutput } from "@/lib/schemas/invitations";
import { WorkspaceStateChangeInput } from "@/lib/schemas/workspaces";
import { disableWorkspace } from "@/lib/domain/workspaces/disable-workspace";
import { enableWorkspace } from "@/lib/domain/workspaces/enable-workspace";
import { createInvitations } from "./create-invitations";
import { listOrganizationInvitations, listWorkspaceInvitations } from "./list-invitations";
import { getInvitation } from "./get-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { resendInvitation } from "./resend-invitation";
import { acceptInvitation, acceptMyInvitation } from "./accept-invitation";
import { declineInvitation } from "./decline-invitation";
import { listMyInvitations } from "./list-my-invitations";
import { previewInvitation } from "./preview-invitation";

let admin: TestUser;
let orgId: string;
let wsId: string;

const invite = async (by: TestUser, emails: string[], roles = ["workspace-viewer"], ws = wsId) =>
  createInvitations(by.ctx, await authorize(by.ctx, "create:Invitation", { organizationId: orgId, workspaceId: ws }), InvitationCreateInput.parse({ emails, roles }));

const wsAccess = async (by: TestUser, permission: "read:Invitation" | "delete:Invitation" | "create:Invitation", ws = wsId) =>
  authorize(by.ctx, permission, { organizationId: orgId, workspaceId: ws });

/** Everything an accept could change, to compare before and after a refusal. */
async function snapshot(userId: string) {
  const prisma = await db();
  return {
    orgMembers: await prisma.organizationMember.findMany({ where: { userId }, select: { organizationId: true, roles: true } }),
    wsMembers: await prisma.workspaceMember.findMany({ where: { userId }, select: { workspaceId: true, roles: true } }),
    user: await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } }),
    invitations: await prisma.invitation.findMany({ where: { organizationId: orgId }, select: { id: true, state: true, acceptTime: true }, orderBy: { id: "asc" } }),
  };
}

async function expectRefusal(promise: Promise<unknown>, code: string, reason: string) {
  await expect(promise).rejects.toMatchObject({ code, options: { reason } });
}

beforeAll(async () => {
  admin = await makeUser("Ida Inviter");
  orgId = (await makeOrg(admin, "Invite Org")).organization_id;
  wsId = (await makeWorkspace(admin, orgId, { title: "Invite Target" })).workspace_id;
});

describe("create", () => {
  it("normalises addresses, collapses repeats and writes one mail per invitation in the same transaction", async () => {
    const res = await invite(admin, ["  Mixed.Case@Example.TEST ", "mixed.case@example.test", "other.one@example.test"]);
    expect(res.invitations.map((i) => i.email)).toEqual(["mixed.case@example.test", "other.one@example.test"]);
    expect(res.invitations.every((i) => i.state === "PENDING" && i.roles[0] === "workspace-viewer")).toBe(true);
    const prisma = await db();
    const mails = await prisma.outboxMail.findMany({ where: { to: "mixed.case@example.test" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "invitation", organizationId: orgId, status: "QUEUED" });
    expect(mails[0].text).toContain("Invite Target");
    expect(mails[0].text).toContain("Ida Inviter");
    expect(mails[0].text).toContain("Workspace Viewer");
    expect(mails[0].html).toContain("/invite/");
    const token = await tokenFromOutbox("mixed.case@example.test", "invite");
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    // Stored hashed only: the plaintext is nowhere in the invitation row.
    const raw = await prisma.$queryRawUnsafe<{ token_hash: string }[]>("SELECT token_hash FROM invitations WHERE email = 'mixed.case@example.test'");
    expect(raw[0].token_hash).not.toContain(token);
    expect(raw[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refreshes a pending invitation instead of duplicating it: same id, new roles, new link, the old one dead", async () => {
    const first = (await invite(admin, ["refresh.me@example.test"])).invitations[0];
    const oldToken = await tokenFromOutbox("refresh.me@example.test", "invite");
    const again = (await invite(admin, ["refresh.me@example.test"], ["workspace-editor"])).invitations[0];
    expect(again.invitation_id).toBe(first.invitation_id);
    expect(again.roles).toEqual(["workspace-editor"]);
    const prisma = await db();
    expect(await prisma.invitation.count({ where: { email: "refresh.me@example.test" } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { to: "refresh.me@example.test" } })).toBe(2);
    await expectRefusal(previewInvitation(oldToken), "NOT_FOUND", "INVITATION_LINK_INVALID");
    const newToken = await tokenFromOutbox("refresh.me@example.test", "invite");
    expect(newToken).not.toBe(oldToken);
    expect((await previewInvitation(newToken)).role_titles).toEqual(["Workspace Editor"]);
  });

  it("reports existing members per email and invites the rest", async () => {
    const member = await makeUser("Already Member");
    await addMember(member.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    const res = await invite(admin, [member.email.toUpperCase(), "new.person@example.test"]);
    expect(res.invitations.map((i) => i.email)).toEqual(["new.person@example.test"]);
    expect(res.skipped).toEqual([expect.objectContaining({ email: member.email, reason: "ALREADY_MEMBER" })]);
  });

  it("refuses 0 and 101 addresses and names a bad one", () => {
    expect(InvitationCreateInput.safeParse({ emails: [], roles: ["workspace-viewer"] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => `p${i}@example.test`);
    expect(InvitationCreateInput.safeParse({ emails: many, roles: ["workspace-viewer"] }).success).toBe(false);
    expect(InvitationCreateInput.safeParse({ emails: many.slice(0, 100), roles: ["workspace-viewer"] }).success).toBe(true);
    const bad = InvitationCreateInput.safeParse({ emails: ["ok@example.test", "not an email"], roles: ["workspace-viewer"] });
    expect(bad.success || bad.error.issues[0].path).toEqual(["emails", 1]);
  });

  it("enforces the workspace's configuration.domain, naming each address outside it, and invites nobody", async () => {
    const domainWs = (await makeWorkspace(admin, orgId, { configuration: { domain: "acme.example" } })).workspace_id;
    const attempt = invite(admin, ["ok@acme.example", "out@elsewhere.example", "sub@x.acme.example"], ["workspace-viewer"], domainWs);
    await expect(attempt).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      options: { reason: "EMAIL_OUTSIDE_DOMAIN", fieldViolations: [{ field: "emails[1]" }, { field: "emails[2]" }] },
    });
    expect(await (await db()).invitation.count({ where: { workspaceId: domainWs } })).toBe(0);
    expect((await invite(admin, ["OK@Acme.Example"], ["workspace-viewer"], domainWs)).invitations).toHaveLength(1);
  });

  it("refuses to invite with a role holding permissions the inviter lacks", async () => {
    const editor = await makeUser("Eddie Editor");
    await addMember(editor.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
    await expectRefusal(invite(editor, ["escalate@example.test"], ["workspace-admin"]), "PERMISSION_DENIED", "PERMISSION_ESCALATION");
    expect(await (await db()).invitation.count({ where: { email: "escalate@example.test" } })).toBe(0);
    expect((await invite(editor, ["fine@example.test"], ["workspace-viewer"])).invitations).toHaveLength(1);
  });

  it("refuses invitations to a disabled workspace", async () => {
    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const state = WorkspaceStateChangeInput.parse({ reason: "USER_INITIATED" });
    await disableWorkspace(admin.ctx, await authorize(admin.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws }), state);
    await expectRefusal(invite(admin, ["x@example.test"], ["workspace-viewer"], ws), "FAILED_PRECONDITION", "WORKSPACE_DISABLED");
  });

  it("gives new invitations the organization's lifetime", async () => {
    const prisma = await db();
    await prisma.organization.update({ where: { id: orgId }, data: { invitationTtlHours: 2 } });
    try {
      const inv = (await invite(admin, ["short.lived@example.test"])).invitations[0];
      const hours = (Date.parse(inv.expire_time) - Date.parse(inv.create_time)) / 3_600_000;
      expect(hours).toBeGreaterThan(1.99);
      expect(hours).toBeLessThan(2.01);
    } finally {
      await prisma.organization.update({ where: { id: orgId }, data: { invitationTtlHours: 168 } });
    }
  });
});

describe("list and get", () => {
  let listWs: string;
  beforeAll(async () => {
    listWs = (await makeWorkspace(admin, orgId, { title: "Listing" })).workspace_id;
    await invite(admin, Array.from({ length: 7 }, (_, i) => `list${i}@example.test`), ["workspace-viewer"], listWs);
    const revoked = (await invite(admin, ["gone@example.test"], ["workspace-viewer"], listWs)).invitations[0];
    await revokeInvitation(admin.ctx, await wsAccess(admin, "delete:Invitation", listWs), revoked.invitation_id);
  });

  it("lists pending ones by default, pages with keyset tokens, and validates against the vendor schema", async () => {
    const access = await wsAccess(admin, "read:Invitation", listWs);
    const seen: string[] = [];
    let token = "";
    do {
      const page = await listWorkspaceInvitations(admin.ctx, access, { page_size: "3", page_token: token });
      expect(kognitosValidator("ListWorkspaceUserInvites")(page)).toBe(true);
      ListInvitationsOutput.parse(page);
      seen.push(...page.invitations.map((i) => i.email));
      token = page.next_page_token;
    } while (token);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `list${i}@example.test`));
  });

  it("filters on state and email", async () => {
    const access = await wsAccess(admin, "read:Invitation", listWs);
    const revoked = await listWorkspaceInvitations(admin.ctx, access, { filter: 'state = "REVOKED"' });
    expect(revoked.invitations.map((i) => [i.email, i.state])).toEqual([["gone@example.test", "REVOKED"]]);
    const byEmail = await listWorkspaceInvitations(admin.ctx, access, { filter: 'email : "list3"' });
    expect(byEmail.invitations.map((i) => i.email)).toEqual(["list3@example.test"]);
    await expect(listWorkspaceInvitations(admin.ctx, access, { filter: 'state = "NOPE"' })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    // A page token is bound to its filter.
    const page = await listWorkspaceInvitations(admin.ctx, access, { page_size: "2" });
    await expect(listWorkspaceInvitations(admin.ctx, access, { page_size: "2", page_token: page.next_page_token, filter: 'email : "list"' })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
  });

  it("shows a pending invitation past its expiry as EXPIRED before any sweep", async () => {
    const inv = (await invite(admin, ["late@example.test"], ["workspace-viewer"], listWs)).invitations[0];
    await (await db()).invitation.update({ where: { id: inv.invitation_id }, data: { expireTime: new Date(Date.now() - 1000) } });
    const access = await wsAccess(admin, "read:Invitation", listWs);
    expect((await listWorkspaceInvitations(admin.ctx, access, {})).invitations.some((i) => i.email === "late@example.test")).toBe(false);
    const expired = await listWorkspaceInvitations(admin.ctx, access, { filter: "state = EXPIRED" });
    expect(expired.invitations.map((i) => i.email)).toEqual(["late@example.test"]);
  });

  it("lists the organization's invitations across workspaces for org admins only", async () => {
    const orgAccess = await authorize(admin.ctx, "read:Invitation", { organizationId: orgId });
    const all = await listOrganizationInvitations(admin.ctx, orgAccess, { page_size: "1000" });
    ListInvitationsOutput.parse(all);
    const validate = kognitosSchemaValidator("v1UserInvitation");
    expect(all.invitations.every((i) => validate(i))).toBe(true);
    expect(all.invitations.some((i) => i.workspace_id === listWs) && all.invitations.some((i) => i.workspace_id === wsId)).toBe(true);
    const onlyList = await listOrganizationInvitations(admin.ctx, orgAccess, { filter: `workspace_id = "${listWs}"`, page_size: "1000" });
    expect(onlyList.invitations.every((i) => i.workspace_id === listWs)).toBe(true);
    const member = await makeUser("Plain Member");
    await addMember(member.id, orgId, ["org-member"]);
    await expect(authorize(member.ctx, "read:Invitation", { organizationId: orgId })).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
  });

  it("gets an invitation for the invitee and for admins, NOT_FOUND for outsiders", async () => {
    const invitee = await makeUser("Gina Getter");
    const inv = (await invite(admin, [invitee.email], ["workspace-editor"], listWs)).invitations[0];
    for (const who of [invitee, admin]) {
      const got = GetInvitationOutput.parse(await getInvitation(who.ctx, orgId, inv.invitation_id));
      expect(got).toMatchObject({ workspace_id: listWs, workspace_display_name: "Listing", organization_display_name: "Invite Org", roles: ["workspace-editor"], is_accepted: false });
    }
    const outsider = await makeUser("Otto Outsider");
    await expect(getInvitation(outsider.ctx, orgId, inv.invitation_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getInvitation(outsider.ctx, orgId, "inv_doesnotexist000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherOrg = (await makeOrg(outsider)).organization_id;
    await expect(getInvitation(outsider.ctx, otherOrg, inv.invitation_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("revoke and resend", () => {
  it("revokes a pending invitation once; its link then refuses with INVITATION_REVOKED", async () => {
    const invitee = await makeUser("Rita Revoked");
    const inv = (await invite(admin, [invitee.email])).invitations[0];
    const token = await tokenFromOutbox(invitee.email, "invite");
    const access = await wsAccess(admin, "delete:Invitation");
    expect((await revokeInvitation(admin.ctx, access, inv.invitation_id)).state).toBe("REVOKED");
    await expectRefusal(revokeInvitation(admin.ctx, access, inv.invitation_id), "FAILED_PRECONDITION", "INVITATION_REVOKED");
    await expectRefusal(acceptInvitation(invitee.ctx, { token }), "FAILED_PRECONDITION", "INVITATION_REVOKED");
    expect((await previewInvitation(token)).state).toBe("REVOKED");
  });

  it("keeps other tenants' invitations out of reach (NOT_FOUND)", async () => {
    const other = await makeUser("Other Admin");
    const otherOrg = (await makeOrg(other)).organization_id;
    const otherWs = (await makeWorkspace(other, otherOrg)).workspace_id;
    const theirs = (
      await createInvitations(other.ctx, await authorize(other.ctx, "create:Invitation", { organizationId: otherOrg, workspaceId: otherWs }), InvitationCreateInput.parse({ emails: ["t@example.test"], roles: ["workspace-viewer"] }))
    ).invitations[0];
    await expectRefusal(revokeInvitation(admin.ctx, await wsAccess(admin, "delete:Invitation"), theirs.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    await expectRefusal(resendInvitation(admin.ctx, await wsAccess(admin, "create:Invitation"), theirs.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
  });

  it("resends with a new token and expiry; the old link is dead, the new one works", async () => {
    const invitee = await makeUser("Rex Resent");
    const inv = (await invite(admin, [invitee.email])).invitations[0];
    const oldToken = await tokenFromOutbox(invitee.email, "invite");
    const prisma = await db();
    await prisma.invitation.update({ where: { id: inv.invitation_id }, data: { expireTime: new Date(Date.now() - 1000) } });
    const resent = await resendInvitation(admin.ctx, await wsAccess(admin, "create:Invitation"), inv.invitation_id);
    expect(resent.state).toBe("PENDING");
    expect(Date.parse(resent.expire_time)).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
    const newToken = await tokenFromOutbox(invitee.email, "invite");
    expect(newToken).not.toBe(oldToken);
    await expectRefusal(acceptInvitation(invitee.ctx, { token: oldToken }), "NOT_FOUND", "INVITATION_LINK_INVALID");
    expect((await acceptInvitation(invitee.ctx, { token: newToken })).workspace_id).toBe(wsId);
    await expectRefusal(resendInvitation(admin.ctx, await wsAccess(admin, "create:Invitation"), inv.invitation_id), "FAILED_PRECONDITION", "INVITATION_USED");
  });

  it("refuses a resend by someone who could not grant the invitation's roles", async () => {
    const inv = (await invite(admin, ["admin.role@example.test"], ["workspace-admin"])).invitations[0];
    const editor = await makeUser("Ed Resender");
    await addMember(editor.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
    await expectRefusal(resendInvitation(editor.ctx, await wsAccess(editor, "create:Invitation"), inv.invitation_id), "PERMISSION_DENIED", "PERMISSION_ESCALATION");
  });
});

describe("accept", () => {
  it("joins the organization and the workspace with the invited roles and verifies the email, in one step", async () => {
    const invitee = await makeUser("Newcomer Nina");
    await (await db()).user.update({ where: { id: invitee.id }, data: { emailVerifiedAt: null } });
    const inv = (await invite(admin, [invitee.email.toUpperCase()], ["workspace-editor"])).invitations[0];
    const token = await tokenFromOutbox(invitee.email, "invite");
    const ctx = { ...invitee.ctx, caller: { ...invitee.ctx.caller, email: invitee.email.toUpperCase() } };
    const res = await acceptInvitation(ctx, { token });
    expect(res).toMatchObject({ organization_id: orgId, workspace_id: wsId, invitation: { invitation_id: inv.invitation_id, state: "ACCEPTED" } });
    const snap = await snapshot(invitee.id);
    expect(snap.orgMembers).toEqual([{ organizationId: orgId, roles: ["org-member"] }]);
    expect(snap.wsMembers).toEqual([{ workspaceId: wsId, roles: ["workspace-editor"] }]);
    expect(snap.user.emailVerifiedAt).toBeInstanceOf(Date);
    const audit = await (await db()).auditLogEntry.findFirst({ where: { action: "invitation.accept", actorId: invitee.id } });
    expect(audit?.workspaceId).toBe(wsId);
    await expectRefusal(acceptInvitation(invitee.ctx, { token }), "FAILED_PRECONDITION", "INVITATION_USED");
  });

  it("keeps an existing organization membership and its roles as they are", async () => {
    const invitee = await makeUser("Member Mo");
    await addMember(invitee.id, orgId, ["org-member"]);
    await invite(admin, [invitee.email], ["workspace-viewer"]);
    await acceptInvitation(invitee.ctx, { token: await tokenFromOutbox(invitee.email, "invite") });
    expect((await snapshot(invitee.id)).orgMembers).toEqual([{ organizationId: orgId, roles: ["org-member"] }]);
  });

  it("refuses expired, declined, wrong-account and inactive-workspace invitations, changing nothing", async () => {
    const invitee = await makeUser("Refused Rae");
    const prisma = await db();

    await invite(admin, [invitee.email]);
    const expiredToken = await tokenFromOutbox(invitee.email, "invite");
    await prisma.invitation.updateMany({ where: { email: invitee.email }, data: { expireTime: new Date(Date.now() - 1) } });
    let before = await snapshot(invitee.id);
    await expectRefusal(acceptInvitation(invitee.ctx, { token: expiredToken }), "FAILED_PRECONDITION", "INVITATION_EXPIRED");
    expect(await snapshot(invitee.id)).toEqual(before);

    const stranger = await makeUser("Wrong Account");
    const ws2 = (await makeWorkspace(admin, orgId)).workspace_id;
    const declined = (await invite(admin, [invitee.email], ["workspace-viewer"], ws2)).invitations[0];
    const declinedToken = await tokenFromOutbox(invitee.email, "invite");
    before = await snapshot(stranger.id);
    await expectRefusal(acceptInvitation(stranger.ctx, { token: declinedToken }), "FAILED_PRECONDITION", "INVITATION_WRONG_ACCOUNT");
    expect(await snapshot(stranger.id)).toEqual(before);
    await declineInvitation(invitee.ctx, declined.invitation_id);
    before = await snapshot(invitee.id);
    await expectRefusal(acceptInvitation(invitee.ctx, { token: declinedToken }), "FAILED_PRECONDITION", "INVITATION_DECLINED");
    expect(await snapshot(invitee.id)).toEqual(before);

    const ws3 = (await makeWorkspace(admin, orgId)).workspace_id;
    await invite(admin, [invitee.email], ["workspace-viewer"], ws3);
    const disabledToken = await tokenFromOutbox(invitee.email, "invite");
    const stateAccess = await authorize(admin.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws3 });
    await disableWorkspace(admin.ctx, stateAccess, WorkspaceStateChangeInput.parse({ reason: "USER_INITIATED" }));
    before = await snapshot(invitee.id);
    await expectRefusal(acceptInvitation(invitee.ctx, { token: disabledToken }), "FAILED_PRECONDITION", "INVITATION_WORKSPACE_NOT_ACTIVE");
    expect(await snapshot(invitee.id)).toEqual(before);
    await enableWorkspace(admin.ctx, await authorize(admin.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws3 }), WorkspaceStateChangeInput.parse({ reason: "USER_INITIATED" }));
    expect((await acceptInvitation(invitee.ctx, { token: disabledToken })).workspace_id).toBe(ws3);

    await expectRefusal(acceptInvitation(invitee.ctx, { token: "not-a-real-token" }), "NOT_FOUND", "INVITATION_LINK_INVALID");
  });

  it("makes one membership out of 50 concurrent accepts of one token", async () => {
    const invitee = await makeUser("Racing Ren");
    await invite(admin, [invitee.email], ["workspace-viewer"]);
    const token = await tokenFromOutbox(invitee.email, "invite");
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => acceptInvitation(invitee.ctx, { token })));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused.every((r) => (r.reason as { options?: { reason?: string } }).options?.reason === "INVITATION_USED")).toBe(true);
    const prisma = await db();
    expect(await prisma.workspaceMember.count({ where: { workspaceId: wsId, userId: invitee.id } })).toBe(1);
    expect(await prisma.auditLogEntry.count({ where: { action: "invitation.accept", actorId: invitee.id } })).toBe(1);
  });
});

describe("my invitations and decline", () => {
  it("lists the caller's pending invitations and lets only the invitee decline", async () => {
    const invitee = await makeUser("Mia Mine");
    const inv = (await invite(admin, [invitee.email])).invitations[0];
    const mine = ListMyInvitationsOutput.parse(await listMyInvitations(invitee.ctx, {}));
    expect(mine.invitations.map((i) => [i.invitation_id, i.organization_display_name, i.workspace_display_name])).toEqual([[inv.invitation_id, "Invite Org", "Invite Target"]]);
    expect((await listMyInvitations(admin.ctx, {})).invitations.some((i) => i.invitation_id === inv.invitation_id)).toBe(false);
    await expectRefusal(declineInvitation(admin.ctx, inv.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    expect((await declineInvitation(invitee.ctx, inv.invitation_id)).state).toBe("DECLINED");
    await expectRefusal(declineInvitation(invitee.ctx, inv.invitation_id), "FAILED_PRECONDITION", "INVITATION_DECLINED");
    expect((await listMyInvitations(invitee.ctx, {})).invitations).toEqual([]);
  });
});

describe("accept from the invitee's own list (no link)", () => {
  const unverify = async (user: TestUser) => (await db()).user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });

  it("joins with the invited roles when the verified address matches, whatever its case", async () => {
    const invitee = await makeUser("Own Olga");
    // The account's address as typed at sign-up, in other case than the invitation's.
    await (await db()).user.update({ where: { id: invitee.id }, data: { email: invitee.email.toUpperCase() } });
    const ctx = { ...invitee.ctx, caller: { ...invitee.ctx.caller, email: invitee.email.toUpperCase() } };
    const inv = (await invite(admin, [invitee.email], ["workspace-editor"])).invitations[0];
    const res = await acceptMyInvitation(ctx, inv.invitation_id);
    expect(res).toMatchObject({ organization_id: orgId, workspace_id: wsId, invitation: { invitation_id: inv.invitation_id, state: "ACCEPTED" } });
    const snap = await snapshot(invitee.id);
    expect(snap.orgMembers).toEqual([{ organizationId: orgId, roles: ["org-member"] }]);
    expect(snap.wsMembers).toEqual([{ workspaceId: wsId, roles: ["workspace-editor"] }]);
    expect(await (await db()).auditLogEntry.count({ where: { action: "invitation.accept", actorId: invitee.id, workspaceId: wsId } })).toBe(1);
    // Used now, by this way in or by the link.
    await expectRefusal(acceptMyInvitation(ctx, inv.invitation_id), "FAILED_PRECONDITION", "INVITATION_USED");
    await expectRefusal(acceptInvitation(ctx, { token: await tokenFromOutbox(invitee.email, "invite") }), "FAILED_PRECONDITION", "INVITATION_USED");
  });

  it("refuses an unverified address with EMAIL_NOT_VERIFIED and changes nothing; once verified, it works", async () => {
    const invitee = await makeUser("Unverified Uma");
    await unverify(invitee);
    const inv = (await invite(admin, [invitee.email])).invitations[0];
    const before = await snapshot(invitee.id);
    await expectRefusal(acceptMyInvitation(invitee.ctx, inv.invitation_id), "FAILED_PRECONDITION", "EMAIL_NOT_VERIFIED");
    expect(await snapshot(invitee.id)).toEqual(before);
    await (await db()).user.update({ where: { id: invitee.id }, data: { emailVerifiedAt: new Date() } });
    expect((await acceptMyInvitation(invitee.ctx, inv.invitation_id)).invitation.state).toBe("ACCEPTED");
  });

  it("answers NOT_FOUND for an invitation addressed to someone else (verified or not), an unknown id and a deleted organization's, changing nothing", async () => {
    const invitee = await makeUser("Owner Of It");
    const inv = (await invite(admin, [invitee.email])).invitations[0];
    const stranger = await makeUser("Stranger Sam");
    let before = await snapshot(stranger.id);
    await expectRefusal(acceptMyInvitation(stranger.ctx, inv.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    // The inviting admin can read the invitation, but it is still not theirs to accept.
    await expectRefusal(acceptMyInvitation(admin.ctx, inv.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    await unverify(stranger);
    await expectRefusal(acceptMyInvitation(stranger.ctx, inv.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    await expectRefusal(acceptMyInvitation(invitee.ctx, "inv_doesnotexist000000000000"), "NOT_FOUND", "INVITATION_NOT_FOUND");
    await expectRefusal(acceptMyInvitation(invitee.ctx, "not an id"), "NOT_FOUND", "INVITATION_NOT_FOUND");
    expect((await snapshot(stranger.id)).orgMembers).toEqual(before.orgMembers);

    const doomedOrg = (await makeOrg(admin, "Doomed Org")).organization_id;
    const doomedWs = (await makeWorkspace(admin, doomedOrg)).workspace_id;
    const doomed = (
      await createInvitations(admin.ctx, await authorize(admin.ctx, "create:Invitation", { organizationId: doomedOrg, workspaceId: doomedWs }), InvitationCreateInput.parse({ emails: [invitee.email], roles: ["workspace-viewer"] }))
    ).invitations[0];
    await (await db()).organization.update({ where: { id: doomedOrg }, data: { deleteTime: new Date(), purgeTime: new Date(Date.now() + 86_400_000) } });
    before = await snapshot(invitee.id);
    await expectRefusal(acceptMyInvitation(invitee.ctx, doomed.invitation_id), "NOT_FOUND", "INVITATION_NOT_FOUND");
    expect(await snapshot(invitee.id)).toEqual(before);
  });

  it("refuses expired, revoked, declined and inactive-workspace invitations with the link's reasons, changing nothing", async () => {
    const invitee = await makeUser("Refused Rob");
    const prisma = await db();
    const fresh = async (ws = wsId) => (await invite(admin, [invitee.email], ["workspace-viewer"], ws)).invitations[0].invitation_id;
    const refused = async (id: string, reason: string) => {
      const before = await snapshot(invitee.id);
      await expectRefusal(acceptMyInvitation(invitee.ctx, id), "FAILED_PRECONDITION", reason);
      expect(await snapshot(invitee.id)).toEqual(before);
    };

    const expired = await fresh();
    await prisma.invitation.update({ where: { id: expired }, data: { expireTime: new Date(Date.now() - 1) } });
    await refused(expired, "INVITATION_EXPIRED");

    const revoked = await fresh((await makeWorkspace(admin, orgId)).workspace_id);
    const revokedWs = (await prisma.invitation.findUniqueOrThrow({ where: { id: revoked } })).workspaceId!;
    await revokeInvitation(admin.ctx, await wsAccess(admin, "delete:Invitation", revokedWs), revoked);
    await refused(revoked, "INVITATION_REVOKED");

    const declined = await fresh((await makeWorkspace(admin, orgId)).workspace_id);
    await declineInvitation(invitee.ctx, declined);
    await refused(declined, "INVITATION_DECLINED");

    const ws = (await makeWorkspace(admin, orgId)).workspace_id;
    const disabled = await fresh(ws);
    const stateAccess = await authorize(admin.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws });
    await disableWorkspace(admin.ctx, stateAccess, WorkspaceStateChangeInput.parse({ reason: "USER_INITIATED" }));
    await refused(disabled, "INVITATION_WORKSPACE_NOT_ACTIVE");
    await enableWorkspace(admin.ctx, await authorize(admin.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws }), WorkspaceStateChangeInput.parse({ reason: "USER_INITIATED" }));
    expect((await acceptMyInvitation(invitee.ctx, disabled)).workspace_id).toBe(ws);
  });

  it("makes one membership out of 50 concurrent accepts, by id and by link together", async () => {
    const invitee = await makeUser("Racing Rosa");
    const inv = (await invite(admin, [invitee.email], ["workspace-viewer"])).invitations[0];
    const token = await tokenFromOutbox(invitee.email, "invite");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? acceptInvitation(invitee.ctx, { token }) : acceptMyInvitation(invitee.ctx, inv.invitation_id))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => (r.reason as { options?: { reason?: string } }).options?.reason === "INVITATION_USED")).toBe(true);
    const prisma = await db();
    expect(await prisma.workspaceMember.count({ where: { workspaceId: wsId, userId: invitee.id } })).toBe(1);
    expect(await prisma.organizationMember.count({ where: { organizationId: orgId, userId: invitee.id } })).toBe(1);
    expect(await prisma.auditLogEntry.count({ where: { action: "invitation.accept", actorId: invitee.id } })).toBe(1);
  });
});

describe("organization settings", () => {
  it("keeps the invitation lifetime between 1 hour and 30 days", async () => {
    const { InvitationSettingsInput } = await import("@/lib/schemas/invitations");
    const { updateInvitationSettings, getInvitationSettings } = await import("./update-invitation-settings");
    for (const bad of [0, 721, 1.5]) expect(InvitationSettingsInput.safeParse({ invitation_ttl_hours: bad }).success).toBe(false);
    const access = await authorize(admin.ctx, "update:Organization", { organizationId: orgId });
    await updateInvitationSettings(admin.ctx, access, InvitationSettingsInput.parse({ invitation_ttl_hours: 720 }));
    expect(await getInvitationSettings(access)).toEqual({ invitation_ttl_hours: 720 });
    await updateInvitationSettings(admin.ctx, access, InvitationSettingsInput.parse({ invitation_ttl_hours: 168 }));
  });
});
