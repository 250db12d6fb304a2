import { describe, expect, it } from "vitest";
import { randomBase62 } from "@/lib/ids";
import { db } from "@/lib/db";
import { FIRST_WORKSPACE_TITLE, signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";
import { authorize } from "@/lib/auth/authorize";
import { makeOrg, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { InvitationCreateInput } from "@/lib/schemas/invitations";
import { createInvitations } from "../invitations/create-invitations";

const email = (name: string) => `${name.toLowerCase()}.${randomBase62(8).toLowerCase()}@example.test`;

describe("signUp", () => {
  it("creates the account, its own organization (owner, org admin) and a first workspace it administers", async () => {
    const address = email("Sally");
    const result = await signUp({ email: `  ${address.toUpperCase()} `, display_name: " Sally Signup ", password: "correct horse battery" }, { requestId: "req_signup_test" });
    if (!result.user) throw new Error("no account created");
    expect(result.user).toMatchObject({ email: address, displayName: "Sally Signup" });
    expect(result.organizationId).toMatch(/^org_/);
    expect(result.workspaceId).toMatch(/^ws_/);

    const prisma = await db();
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: result.organizationId! }, include: { members: true, workspaces: { include: { members: true } } } });
    expect(org.title).toBe("Sally Signup's Organization");
    expect(org.ownerId).toBe(result.user.id);
    expect(org.members.map((m) => [m.userId, m.roles])).toEqual([[result.user.id, ["org-admin"]]]);
    expect(org.workspaces.map((w) => [w.id, w.title])).toEqual([[result.workspaceId, FIRST_WORKSPACE_TITLE]]);
    expect(org.workspaces[0].members.map((m) => [m.userId, m.roles])).toEqual([[result.user.id, ["workspace-admin"]]]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: result.user.id } })).lastOrgId).toBe(result.organizationId);
    const audit = await prisma.auditLogEntry.findMany({ where: { organizationId: result.organizationId! }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["organization.create", result.user.id],
      ["workspace.create", result.user.id],
    ]);
    expect(audit[0].requestId).toBe("req_signup_test");
    expect(await verifyCredentials(address, "correct horse battery")).toMatchObject({ id: result.user.id });
  });

  it("mails a link that confirms the address, and leaves the account unverified until it is used", async () => {
    const address = email("Vera");
    const result = await signUp({ email: address, display_name: "Vera Verify", password: "verify me please" });
    const prisma = await db();
    expect((await prisma.user.findUniqueOrThrow({ where: { email: address } })).emailVerifiedAt).toBeNull();
    const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to: address } });
    expect(mail).toMatchObject({ kind: "email_verification", organizationId: null, status: "QUEUED" });
    expect(result.organizationId).toMatch(/^org_/);
  });

  it("through a pending invitation to the same address: the account joins the inviting workspace, verified, with no organization of its own", async () => {
    const inviter = await makeUser("Inviting Ines");
    const orgId = (await makeOrg(inviter)).organization_id;
    const wsId = (await makeWorkspace(inviter, orgId)).workspace_id;
    const address = email("Ivan");
    const access = await authorize(inviter.ctx, "create:Invitation", { organizationId: orgId, workspaceId: wsId });
    await createInvitations(inviter.ctx, access, InvitationCreateInput.parse({ emails: [address], roles: ["workspace-viewer"] }));
    const token = await tokenFromOutbox(address, "invite");
    const result = await signUp({ email: address, display_name: "Ivan Invited", password: "invited password", invitationToken: token });
    expect(result).toMatchObject({ organizationId: orgId, workspaceId: wsId });
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await prisma.organization.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await prisma.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: wsId, userId: user.id } }, select: { roles: true } })).toEqual({ roles: ["workspace-viewer"] });
    expect(await prisma.outboxMail.count({ where: { to: address, kind: "email_verification" } })).toBe(0);
  });

  it("treats a token that is no pending invitation to this address as an ordinary sign-up", async () => {
    const result = await signUp({ email: email("Nobody"), display_name: "No Invite", password: "not invited pw", invitationToken: "made-up-token" });
    expect(result.organizationId).toMatch(/^org_/);
  });

  it("answers a taken email without an account and without saying so, mailing the address instead; refuses invalid input", async () => {
    const address = email("Taken");
    await signUp({ email: address, display_name: "First", password: "first password" });
    const prisma = await db();
    const orgsBefore = await prisma.organization.count();
    const again = await signUp({ email: address.toUpperCase(), display_name: "Second", password: "second password" });
    expect(again).toEqual({ user: null, organizationId: null, workspaceId: null });
    expect(await prisma.organization.count()).toBe(orgsBefore);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: address } })).displayName).toBe("First");
    const notice = await prisma.outboxMail.findFirstOrThrow({ where: { to: address, kind: "account_exists" } });
    expect(notice.text).toContain("/forgot-password");
    expect(await verifyCredentials(address, "second password")).toBeNull();
    for (const bad of [
      { email: "not-an-email", display_name: "X", password: "long enough pw" },
      { email: email("Short"), display_name: "X", password: "short" },
      { email: email("Blank"), display_name: "  ", password: "long enough pw" },
    ]) {
      await expect(signUp(bad), JSON.stringify(bad)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    }
    expect(await prisma.organization.count()).toBe(orgsBefore);
  });

  it("keeps a long display name within the organization title's 256 characters", async () => {
    const result = await signUp({ email: email("Long"), display_name: "L".repeat(256), password: "long name password" });
    const org = await (await db()).organization.findUniqueOrThrow({ where: { id: result.organizationId! } });
    expect([...org.title].length).toBe(256);
  });
});
