// One valid request for every operation of the registry, built inside a tenant (an owner, their
// organization and a workspace). The suites that must cover every operation start from these:
// audit coverage runs them for real, tenant isolation replays one tenant's request as another
// tenant, fuzzing mutates them, the secrets suite runs them all and searches what was left behind.
// `missingScenarios()` names the operations with none, so a new operation cannot be left out.

import { randomBytes } from "node:crypto";
import { db } from "../db";
import { newId, randomBase62 } from "../ids";
import { authorize } from "../auth/authorize";
import { createCredential } from "../domain/credentials/create-credential";
import { createInvitations } from "../domain/invitations/create-invitations";
import { createToken } from "../domain/tokens/create-token";
import { OPERATIONS } from "../operations";
import type { RawRequest } from "../operations/execute";
import { CredentialCreateInput } from "../schemas/credentials";
import { InvitationCreateInput } from "../schemas/invitations";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "./factories";
import { tokenFromOutbox } from "./mail";

// Credentials are sealed under a key from the environment; the suites bring their own.
process.env.CREDENTIALS_KEY ??= `scenarios:${randomBytes(32).toString("base64")}`;

export interface Tenant {
  owner: TestUser;
  orgId: string;
  ws: string;
  /** The organization and workspace as path parameters. */
  p: { organization_id: string; workspace_id: string };
}

export interface Scenario {
  caller: TestUser;
  raw: RawRequest;
}

/** Operations a personal access token may never call (tokens cannot mint tokens, API.md §2). */
export const NOT_FOR_TOKENS = new Set(["CreateAccessToken"]);

export type ScenarioBuilder = (t: Tenant) => Promise<Scenario>;

/** An owner (new, or one given) with an organization of its own and one workspace. */
export async function makeTenant(name = "Scenario Owner", existingOwner?: TestUser): Promise<Tenant> {
  const owner = existingOwner ?? (await makeUser(name));
  const orgId = (await makeOrg(owner)).organization_id;
  const ws = (await makeWorkspace(owner, orgId)).workspace_id;
  return { owner, orgId, ws, p: { organization_id: orgId, workspace_id: ws } };
}

/** Another workspace of the tenant, for scenarios whose setup changes the workspace's state. */
async function ownWorkspace(t: Tenant): Promise<{ organization_id: string; workspace_id: string }> {
  return { organization_id: t.orgId, workspace_id: (await makeWorkspace(t.owner, t.orgId)).workspace_id };
}

export async function withMember(t: Tenant, inWorkspace = false): Promise<TestUser> {
  const member = await makeUser("Scenario Member");
  await addMember(member.id, t.orgId, ["org-member"], inWorkspace ? { id: t.ws, roles: ["workspace-viewer"] } : undefined);
  return member;
}

export async function withRole(t: Tenant): Promise<string> {
  const id = newId("role");
  const title = `Role ${id.slice(-6)}`;
  await (await db()).role.create({ data: { id, workspaceId: t.ws, title, titleKey: title.toLowerCase(), description: "", permissions: ["read:Workspace"] } });
  return id;
}

export const CLIENT_SECRET_PREFIX = "s3cret-";

export async function withCredential(t: Tenant): Promise<string> {
  const access = await authorize(t.owner.ctx, "create:Credential", { organizationId: t.orgId, workspaceId: t.ws });
  const input = CredentialCreateInput.parse({
    actor_type: "workspace",
    name: `cred-${randomBase62(6)}`,
    configuration: { client_id: "id", client_secret: `${CLIENT_SECRET_PREFIX}${randomBase62(24)}` },
  });
  return (await createCredential(t.owner.ctx, access, input)).credential_id;
}

export async function withInvitation(t: Tenant, email = `pending.${randomBase62(8).toLowerCase()}@example.test`): Promise<string> {
  const access = await authorize(t.owner.ctx, "create:Invitation", { organizationId: t.orgId, workspaceId: t.ws });
  const out = await createInvitations(t.owner.ctx, access, InvitationCreateInput.parse({ emails: [email], roles: ["workspace-viewer"] }));
  return out.invitations[0].invitation_id;
}

async function withToken(t: Tenant): Promise<string> {
  return (await createToken(t.owner.ctx, { display_name: `Token ${randomBase62(4)}`, organization_id: t.orgId, workspace_ids: [], access: "FULL" })).token_id;
}

export const raw = (params: Record<string, string>, body?: unknown, query: Record<string, string> = {}): RawRequest => ({ params, query, body });

const org = (t: Tenant) => ({ organization_id: t.orgId });
const byOwner = (request: RawRequest, t: Tenant): Scenario => ({ caller: t.owner, raw: request });
const orgRead: ScenarioBuilder = async (t) => byOwner(raw(org(t)), t);
const wsRead: ScenarioBuilder = async (t) => byOwner(raw(t.p), t);
const account: ScenarioBuilder = async (t) => byOwner(raw({}), t);

export const SCENARIOS: Record<string, ScenarioBuilder> = {
  // Account and organizations
  GetCurrentUser: account,
  CurrentUserOrganizations: account,
  ListOrganizations: account,
  ListPermissions: account,
  ListAccessTokens: account,
  ListCurrentUserInvitations: account,
  GetOpenApiDocument: account,
  CreateOrganization: async (t) => byOwner(raw({}, { title: `Scenario Org ${randomBase62(4)}` }), t),
  GetOrganization: orgRead,
  UpdateOrganization: async (t) => byOwner(raw(org(t), { title: `Renamed Org ${randomBase62(4)}` }), t),
  async TransferOrganizationOwnership(t) {
    const next = await makeUser("Scenario Heir");
    await addMember(next.id, t.orgId, ["org-admin"]);
    return byOwner(raw(org(t), { user_id: next.id }), t);
  },
  // An organization of its own, so the tenant's stays usable for the scenarios after it.
  DeleteOrganization: async (t) => byOwner(raw({ organization_id: (await makeOrg(t.owner)).organization_id }), t),
  async UndeleteOrganization(t) {
    const id = (await makeOrg(t.owner)).organization_id;
    await (await db()).organization.update({ where: { id }, data: { deleteTime: new Date(), purgeTime: new Date(Date.now() + 86_400_000) } });
    return byOwner(raw({ organization_id: id }, {}), t);
  },
  ListOrganizationUsers: orgRead,
  async AddOrganizationUser(t) {
    const newcomer = await makeUser("Scenario Newcomer");
    return byOwner(raw(org(t), { email: newcomer.email }), t);
  },
  async GetUserBasicInfo(t) {
    return byOwner(raw({ ...org(t), user_id: (await withMember(t)).id }), t);
  },
  async UpdateOrganizationUser(t) {
    return byOwner(raw({ ...org(t), user_id: (await withMember(t)).id }, { roles: ["org-admin"] }), t);
  },
  async RemoveOrganizationUser(t) {
    return byOwner(raw({ ...org(t), user_id: (await withMember(t)).id }), t);
  },
  ListOrganizationRoles: orgRead,
  GetOrganizationPreferences: orgRead,
  UpdateOrganizationPreferences: async (t) => byOwner(raw(org(t), { general: { decimal_places: 3 } }), t),
  GetInvitationSettings: orgRead,
  UpdateInvitationSettings: async (t) => byOwner(raw(org(t), { invitation_ttl_hours: 48 }), t),
  ListOutboxMails: orgRead,
  ListOrganizationAuditLogs: orgRead,
  ExportAuditLogs: orgRead,
  ListOrganizationUserInvites: orgRead,

  // Workspaces
  ListWorkspaces: orgRead,
  CurrentUserOrganizationWorkspaces: orgRead,
  CreateWorkspace: async (t) => byOwner(raw(org(t), { title: `Scenario WS ${randomBase62(6)}` }), t),
  BatchCreateWorkspaces: async (t) =>
    byOwner(raw(org(t), { requests: [{ workspace: { title: `Batch A ${randomBase62(6)}` } }, { workspace: { title: `Batch B ${randomBase62(6)}` } }] }), t),
  CountWorkspaceUsers: async (t) => byOwner(raw(org(t), { workspace_ids: [t.ws] }), t),
  GetWorkspace: wsRead,
  UpdateWorkspace: async (t) => byOwner(raw(t.p, { description: `changed ${randomBase62(4)}` }), t),
  DeleteWorkspace: wsRead,
  async UndeleteWorkspace(t) {
    const p = await ownWorkspace(t);
    await (await db()).workspace.update({
      where: { id: p.workspace_id },
      data: { state: "DELETED", deleteTime: new Date(), purgeTime: new Date(Date.now() + 86_400_000), activeTitleKey: null },
    });
    return byOwner(raw(p, {}), t);
  },
  DisableWorkspace: async (t) => byOwner(raw(t.p, { comment: "kept in the audit log" }), t),
  async EnableWorkspace(t) {
    const p = await ownWorkspace(t);
    await (await db()).workspace.update({ where: { id: p.workspace_id }, data: { state: "DISABLED", version: { increment: 1 } } });
    return byOwner(raw(p, {}), t);
  },
  TerminateWorkspace: async (t) => byOwner(raw(t.p, {}), t),
  CloneWorkspace: async (t) => byOwner(raw(t.p, { title: `Scenario Clone ${randomBase62(6)}` }), t),
  GetWorkspacePreferences: wsRead,
  UpdateWorkspacePreferences: async (t) => byOwner(raw(t.p, { general: { time_zone: "Europe/Zurich" } }), t),
  ListWorkspaceAuditLogs: wsRead,
  ExportWorkspaceAuditLogs: wsRead,

  // Workspace members and roles
  ListWorkspaceUsers: wsRead,
  async AddWorkspaceUser(t) {
    return byOwner(raw(t.p, { user_id: (await withMember(t)).id, roles: ["workspace-viewer"] }), t);
  },
  async GetWorkspaceUser(t) {
    return byOwner(raw({ ...t.p, user_id: (await withMember(t, true)).id }), t);
  },
  async UpdateWorkspaceUser(t) {
    return byOwner(raw({ ...t.p, user_id: (await withMember(t, true)).id }, { roles: ["workspace-editor"] }), t);
  },
  async RemoveWorkspaceUser(t) {
    return byOwner(raw({ ...t.p, user_id: (await withMember(t, true)).id }), t);
  },
  ListWorkspaceRoles: wsRead,
  CountRoleHolders: wsRead,
  CreateWorkspaceRole: async (t) => byOwner(raw(t.p, { title: `Auditor ${randomBase62(4)}`, permissions: ["read:AuditLog"] }), t),
  GetWorkspaceRole: async (t) => byOwner(raw({ ...t.p, role_id: await withRole(t) }), t),
  UpdateWorkspaceRole: async (t) => byOwner(raw({ ...t.p, role_id: await withRole(t) }, { description: "changed" }), t),
  DeleteWorkspaceRole: async (t) => byOwner(raw({ ...t.p, role_id: await withRole(t) }), t),

  // Tokens and credentials
  CreateAccessToken: async (t) => byOwner(raw({}, { display_name: "Scenario token", organization_id: t.orgId }), t),
  GetAccessToken: async (t) => byOwner(raw({ token_id: await withToken(t) }), t),
  UpdateAccessToken: async (t) => byOwner(raw({ token_id: await withToken(t) }, { display_name: "After" }), t),
  RevokeAccessToken: async (t) => byOwner(raw({ token_id: await withToken(t) }), t),
  ListOAuthCredentials: wsRead,
  CreateOAuthCredential: async (t) =>
    byOwner(raw(t.p, { actor_type: "workspace", name: `scenario-${randomBase62(6)}`, configuration: { client_id: "id", client_secret: `${CLIENT_SECRET_PREFIX}${randomBase62(24)}` } }), t),
  GetOAuthCredential: async (t) => byOwner(raw({ ...t.p, credential_id: await withCredential(t) }), t),
  DeleteOAuthCredential: async (t) => byOwner(raw({ ...t.p, credential_id: await withCredential(t) }), t),
  RotateOAuthCredential: async (t) =>
    byOwner(raw({ ...t.p, credential_id: await withCredential(t) }, { configuration: { client_id: "id2", client_secret: `${CLIENT_SECRET_PREFIX}${randomBase62(24)}` } }), t),

  // Invitations
  ListWorkspaceUserInvites: wsRead,
  CreateWorkspaceUserInvites: async (t) => byOwner(raw(t.p, { emails: [`invitee.${randomBase62(8).toLowerCase()}@example.test`], roles: ["workspace-viewer"] }), t),
  RevokeWorkspaceUserInvite: async (t) => byOwner(raw({ ...t.p, invitation_id: await withInvitation(t) }), t),
  ResendWorkspaceUserInvite: async (t) => byOwner(raw({ ...t.p, invitation_id: await withInvitation(t) }), t),
  GetInvitation: async (t) => byOwner(raw({ ...org(t), invitation_id: await withInvitation(t) }), t),
  async AcceptInvitation(t) {
    const invitee = await makeUser("Scenario Invitee");
    await withInvitation(t, invitee.email);
    return { caller: invitee, raw: raw({}, { token: await tokenFromOutbox(invitee.email, "invite") }) };
  },
  async AcceptCurrentUserInvitation(t) {
    const invitee = await makeUser("Scenario Own Accepter");
    return { caller: invitee, raw: raw({ invitation_id: await withInvitation(t, invitee.email) }) };
  },
  async DeclineInvitation(t) {
    const invitee = await makeUser("Scenario Decliner");
    return { caller: invitee, raw: raw({ invitation_id: await withInvitation(t, invitee.email) }) };
  },
};

/** Operations of the registry with no scenario here, and scenarios of operations that are gone. */
export function scenarioCoverage(): { missing: string[]; stale: string[] } {
  return {
    missing: OPERATIONS.filter((op) => !Object.hasOwn(SCENARIOS, op.id)).map((op) => op.id),
    stale: Object.keys(SCENARIOS).filter((id) => !OPERATIONS.some((op) => op.id === id)),
  };
}

/** The `/api/v1/…` URL of an operation with these path parameters (and query). */
export function urlOf(path: string, params: Record<string, string>, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/api/v1${path.replace(/\{([a-z_]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}${search ? `?${search}` : ""}`;
}
