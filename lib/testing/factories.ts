// Test data through the product's own domain functions, each call with fresh unique values,
// so test files never share fixed ids.

import { randomUUID } from "node:crypto";
import { db } from "../db";
import { randomBase62 } from "../ids";
import type { RequestContext } from "../auth/context";
import { authorize } from "../auth/authorize";
import { createUser } from "../domain/users/create-user";
import { createOrganization } from "../domain/organizations/create-organization";
import { createWorkspace } from "../domain/workspaces/create-workspace";
import { createToken } from "../domain/tokens/create-token";
import { OrganizationCreateInput } from "../schemas/organizations";
import { WorkspaceCreateInput } from "../schemas/workspaces";
import { OperatorTokenCreateInput } from "../schemas/tokens";

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  password: string;
  ctx: RequestContext;
}

export function contextOf(user: { id: string; email: string; displayName: string }): RequestContext {
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: `test_${randomUUID().replaceAll("-", "")}`,
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}

export async function makeUser(name = "Test User"): Promise<TestUser> {
  const password = randomBase62(16);
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomBase62(8).toLowerCase()}@example.test`;
  const user = await createUser({ email, display_name: name, password });
  return { ...user, password, ctx: contextOf(user) };
}

export async function makeOrg(owner: TestUser, title = `Org ${randomBase62(6)}`) {
  return createOrganization(owner.ctx, OrganizationCreateInput.parse({ title }));
}

export async function makeWorkspace(user: TestUser, organizationId: string, input: Record<string, unknown> = {}) {
  const access = await authorize(user.ctx, "create:Workspace", { organizationId });
  return createWorkspace(user.ctx, access, WorkspaceCreateInput.parse({ title: `WS ${randomBase62(8)}`, ...input }));
}

export async function makeToken(user: TestUser, options: { organizationId?: string; access?: "FULL" | "READ_ONLY"; workspaceIds?: string[] } = {}) {
  const created = await createToken(
    user.ctx,
    OperatorTokenCreateInput.parse({
      display_name: `token ${randomBase62(4)}`,
      organization_id: options.organizationId,
      access: options.access,
      workspace_ids: options.workspaceIds,
    }),
  );
  return created.token;
}

/** Adds a user to an organization (and optionally a workspace) with the given roles, directly. */
export async function addMember(
  userId: string,
  organizationId: string,
  orgRoles: string[],
  workspace?: { id: string; roles: string[] },
) {
  const prisma = await db();
  await prisma.organizationMember.upsert({
    where: { organizationId_userId: { organizationId, userId } },
    create: { organizationId, userId, roles: orgRoles },
    update: { roles: orgRoles },
  });
  if (workspace) {
    await prisma.workspaceMember.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
      create: { workspaceId: workspace.id, userId, roles: workspace.roles },
      update: { roles: workspace.roles },
    });
  }
}
