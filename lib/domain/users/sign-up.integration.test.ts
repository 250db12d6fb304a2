import { describe, expect, it } from "vitest";
import { randomBase62 } from "@/lib/ids";
import { db } from "@/lib/db";
import { FIRST_WORKSPACE_TITLE, signUp } from "./sign-up";
import { verifyCredentials } from "./verify-credentials";

const email = (name: string) => `${name.toLowerCase()}.${randomBase62(8).toLowerCase()}@example.test`;

describe("signUp", () => {
  it("creates the account, its own organization (owner, org admin) and a first workspace it administers", async () => {
    const address = email("Sally");
    const result = await signUp({ email: `  ${address.toUpperCase()} `, display_name: " Sally Signup ", password: "correct horse battery" }, { requestId: "req_signup_test" });
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

  it("only creates the account when signing up through an invitation", async () => {
    const result = await signUp({ email: email("Ivan"), display_name: "Ivan Invited", password: "invited password", invitationToken: "some-invitation-token" });
    expect(result.organizationId).toBeNull();
    expect(result.workspaceId).toBeNull();
    const prisma = await db();
    expect(await prisma.organizationMember.count({ where: { userId: result.user.id } })).toBe(0);
    expect(await prisma.organization.count({ where: { ownerId: result.user.id } })).toBe(0);
  });

  it("refuses a taken email and invalid input, leaving nothing behind", async () => {
    const address = email("Taken");
    await signUp({ email: address, display_name: "First", password: "first password" });
    const prisma = await db();
    const orgsBefore = await prisma.organization.count();
    await expect(signUp({ email: address.toUpperCase(), display_name: "Second", password: "second password" })).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
    });
    expect(await prisma.organization.count()).toBe(orgsBefore);
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
