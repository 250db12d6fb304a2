// A request with a personal access token reads the caller and the caller's access to the path's
// organization (or workspace) in one statement (lib/auth/authenticate), and the operation's
// authorization takes that row instead of reading it again. Nothing is kept between requests:
// a membership removed, a role changed, a workspace deleted or a token revoked counts on the next
// request; and the row is used only for what it was read for, once.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorize } from "@/lib/auth/authorize";
import { db, provideDb, type Db } from "@/lib/db";
import { noteActivity } from "@/lib/domain/users/note-activity";
import { call } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { makeLoggedClient, type LoggedClient } from "@/lib/testing/query-log";
import type { RequestContext } from "./context";

let owner: TestUser;
let member: TestUser;
let orgId: string;
let workspaceId: string;
let ownerToken: string;
let memberToken: string;

beforeAll(async () => {
  owner = await makeUser("Prefetch Owner");
  member = await makeUser("Prefetch Member");
  orgId = (await makeOrg(owner, "Prefetch Org")).organization_id;
  workspaceId = (await makeWorkspace(owner, orgId, { title: "Prefetched" })).workspace_id;
  await addMember(member.id, orgId, ["org-member"], { id: workspaceId, roles: ["workspace-viewer"] });
  ownerToken = await makeToken(owner);
  memberToken = await makeToken(member);
});

describe("the caller and its access in one statement", () => {
  let previous: Db;
  let counted: LoggedClient;
  const sent: string[] = [];

  beforeAll(async () => {
    previous = await db();
    counted = makeLoggedClient(2);
    counted.$on("query", (e) => sent.push(e.query));
    provideDb(counted as unknown as Db);
  });

  afterAll(async () => {
    provideDb(previous);
    await counted?.$disconnect();
  });

  async function statementsOf(path: string, token: string, user: TestUser) {
    // The user's activity is noted without waiting for it: noted here first, so that no request
    // below starts that write. The first request of a token also notes the token's last use.
    await noteActivity(user.id);
    await call("GET", path, { token });
    sent.length = 0;
    const res = await call("GET", path, { token });
    expect(res.status).toBe(200);
    return [...sent];
  }

  it("ListWorkspaces: the token with the organization access, then the page", async () => {
    const statements = await statementsOf(`/api/v1/organizations/${orgId}/workspaces`, ownerToken, owner);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/FROM personal_access_tokens t[\s\S]*LEFT JOIN LATERAL[\s\S]*FROM organization_members m/);
  });

  it("GetWorkspace: the token with the workspace access, then the workspace", async () => {
    const statements = await statementsOf(`/api/v1/organizations/${orgId}/workspaces/${workspaceId}`, memberToken, member);
    expect(statements[0]).toMatch(/FROM personal_access_tokens t[\s\S]*LEFT JOIN LATERAL[\s\S]*LEFT JOIN workspace_members wm/);
    expect(statements.filter((s) => /FROM organization_members m/.test(s)), statements.join("\n---\n")).toHaveLength(1);
  });
});

describe("nothing is kept between requests", () => {
  it("a member removed from the workspace, then from the organization, is refused on the next request", async () => {
    const ws = `/api/v1/organizations/${orgId}/workspaces/${workspaceId}`;
    expect((await call("GET", ws, { token: memberToken })).status).toBe(200);
    const prisma = await db();
    await prisma.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId, userId: member.id } } });
    expect((await call("GET", ws, { token: memberToken })).status).toBe(404);
    expect((await call("GET", `/api/v1/organizations/${orgId}/workspaces`, { token: memberToken })).status).toBe(200);
    await prisma.organizationMember.delete({ where: { organizationId_userId: { organizationId: orgId, userId: member.id } } });
    expect((await call("GET", `/api/v1/organizations/${orgId}/workspaces`, { token: memberToken })).status).toBe(404);
  });

  it("a soft-deleted workspace is gone on the next request, and a revoked token is refused", async () => {
    const other = (await makeWorkspace(owner, orgId, { title: "Soon deleted" })).workspace_id;
    const path = `/api/v1/organizations/${orgId}/workspaces/${other}`;
    expect((await call("GET", path, { token: ownerToken })).status).toBe(200);
    expect((await call("DELETE", path, { token: ownerToken })).status).toBe(204);
    expect((await call("GET", path, { token: ownerToken })).status).toBe(404);
    const prisma = await db();
    await prisma.personalAccessToken.updateMany({ where: { userId: owner.id }, data: { revokeTime: new Date() } });
    expect((await call("GET", `/api/v1/organizations/${orgId}/workspaces`, { token: ownerToken })).status).toBe(401);
  });
});

describe("the prefetched row", () => {
  const row = { orgRoles: ["org-admin"], membersCanCreateWorkspaces: true, workspaceState: null, workspaceRoles: null, isMember: null, organizationDeleted: false };

  it("is used once, and only for the organization it was read for", async () => {
    const stranger = await makeUser("Prefetch Stranger");
    // A row claiming admin access for a user with no membership: used where it fits, never elsewhere or twice.
    const ctx: RequestContext = { ...stranger.ctx, prefetchedAccess: { target: { organizationId: orgId }, row } };
    await expect(authorize(ctx, "read:Organization", { organizationId: orgId })).resolves.toMatchObject({ isOrgAdmin: true });
    expect(ctx.prefetchedAccess).toBeUndefined();
    await expect(authorize(ctx, "read:Organization", { organizationId: orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const elsewhere: RequestContext = { ...stranger.ctx, prefetchedAccess: { target: { organizationId: "org_someotherorganization000" }, row } };
    await expect(authorize(elsewhere, "read:Organization", { organizationId: orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const forOrg: RequestContext = { ...stranger.ctx, prefetchedAccess: { target: { organizationId: orgId }, row } };
    await expect(authorize(forOrg, "read:Workspace", { organizationId: orgId, workspaceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
