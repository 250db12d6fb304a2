// Demo data for a first start on an empty database: one organization, a few workspaces, an
// admin and a viewer, and an API token for the admin (the embedded database allows one process,
// so the CLI cannot mint one while the server runs). Passwords and the token are random, printed
// once, and stored only as hashes.

import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { randomBase62 } from "../lib/ids";
import { authorize } from "../lib/auth/authorize";
import type { RequestContext } from "../lib/auth/context";
import { ORG_MEMBER } from "../lib/auth/permissions";
import { createUser } from "../lib/domain/users/create-user";
import { createOrganization } from "../lib/domain/organizations/create-organization";
import { createToken } from "../lib/domain/tokens/create-token";
import { TokenCreateInput } from "../lib/schemas/tokens";
import { createWorkspace } from "../lib/domain/workspaces/create-workspace";
import { OrganizationCreateInput } from "../lib/schemas/organizations";
import { WorkspaceCreateInput } from "../lib/schemas/workspaces";

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

const WORKSPACES = [
  { title: "Production", description: "Customer-facing automations", workspace_icon: "rocket", workspace_icon_color: "#4F46E5" },
  { title: "Staging", description: "Release candidates before they ship", workspace_icon: "flask", workspace_icon_color: "#0EA5E9" },
  { title: "Finance Ops", description: "Invoices, payouts and reconciliation", workspace_icon: "chart", workspace_icon_color: "#16A34A",
    data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: 0 }], pii_strategy: "STRICT" } },
  { title: "Research", description: "Experiments and prototypes", workspace_icon: "globe", workspace_icon_color: "#D97706" },
];

function contextOf(user: { id: string; email: string; displayName: string }): RequestContext {
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: `seed_${randomUUID().replaceAll("-", "")}`,
    ip: "",
    userAgent: "demo-seed",
  };
}

export interface DemoSeed {
  organizationId: string;
  logins: DemoLogin[];
  /** A full-access personal access token of the admin, scoped to the demo organization. */
  adminToken: string;
}

/** Seeds the demo when the database has no users. Returns what to print, or undefined if skipped. */
export async function seedDemo(): Promise<DemoSeed | undefined> {
  const prisma = await db();
  if ((await prisma.user.count()) > 0) return undefined;
  const adminPassword = randomBase62(16);
  const viewerPassword = randomBase62(16);
  const admin = await createUser({ email: "admin@example.com", display_name: "Ada Admin", password: adminPassword });
  const viewer = await createUser({ email: "viewer@example.com", display_name: "Victor Viewer", password: viewerPassword });
  const ctx = contextOf(admin);
  const org = await createOrganization(ctx, OrganizationCreateInput.parse({ title: "Acme Inc" }));
  const access = await authorize(ctx, "create:Workspace", { organizationId: org.organization_id });
  const created = [];
  for (const ws of WORKSPACES) created.push(await createWorkspace(ctx, access, WorkspaceCreateInput.parse(ws)));
  const research = created.find((w) => w.title === "Research")!;
  await prisma.organizationMember.create({ data: { organizationId: org.organization_id, userId: viewer.id, roles: [ORG_MEMBER] } });
  await prisma.workspaceMember.create({ data: { workspaceId: research.workspace_id, userId: viewer.id, roles: ["workspace-viewer"] } });
  const token = await createToken(ctx, TokenCreateInput.parse({ display_name: "demo", organization_id: org.organization_id }));
  return {
    organizationId: org.organization_id,
    logins: [
      { email: admin.email, password: adminPassword, role: "organization admin of Acme Inc" },
      { email: viewer.email, password: viewerPassword, role: "viewer of the Research workspace" },
    ],
    adminToken: token.token,
  };
}
