// Every operation of the registry that changes data writes an audit entry in its transaction.
// The test walks the registry: an operation that is not GET must either have a scenario here that
// runs it for real and finds a new entry, or be named as read-only. A new changing operation with
// neither fails the first test, so it cannot ship without an entry.

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId, randomBase62 } from "@/lib/ids";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { authorize } from "@/lib/auth/authorize";
import { createCredential } from "@/lib/domain/credentials/create-credential";
import { createInvitations } from "@/lib/domain/invitations/create-invitations";
import { createToken } from "@/lib/domain/tokens/create-token";
import { CredentialCreateInput } from "@/lib/schemas/credentials";
import { InvitationCreateInput } from "@/lib/schemas/invitations";
import { tokenFromOutbox } from "@/lib/testing/mail";
import { OPERATIONS } from ".";
import { executeOperation, type RawRequest } from "./execute";
import type { Operation } from "./operation";

// Credentials are sealed under a key from the environment; this file brings its own.
process.env.CREDENTIALS_KEY ??= `audit-cov:${randomBytes(32).toString("base64")}`;

/** Non-GET operations that only read (POST because their input is a list). */
const READ_ONLY = new Set(["CountWorkspaceUsers"]);

interface Scenario {
  caller: TestUser;
  raw: RawRequest;
}

async function base() {
  const owner = await makeUser("Audit Cov Owner");
  const orgId = (await makeOrg(owner)).organization_id;
  const ws = (await makeWorkspace(owner, orgId)).workspace_id;
  return { owner, orgId, ws, p: { organization_id: orgId, workspace_id: ws } };
}

async function withMember(orgId: string, ws?: string) {
  const member = await makeUser("Audit Cov Member");
  await addMember(member.id, orgId, ["org-member"], ws ? { id: ws, roles: ["workspace-viewer"] } : undefined);
  return member;
}

async function withRole(orgId: string, ws: string): Promise<string> {
  const id = newId("role");
  await (await db()).role.create({ data: { id, workspaceId: ws, title: `Role ${id.slice(-6)}`, titleKey: `role ${id.slice(-6)}`.toLowerCase(), description: "", permissions: ["read:Workspace"] } });
  return id;
}

const raw = (params: Record<string, string>, body?: unknown, query: Record<string, string> = {}): RawRequest => ({ params, query, body });

const SCENARIOS: Record<string, () => Promise<Scenario>> = {
  async CreateOrganization() {
    const owner = await makeUser("Audit Cov Creator");
    return { caller: owner, raw: raw({}, { title: "Audited Org" }) };
  },
  async UpdateOrganization() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({ organization_id: orgId }, { title: "Renamed Org" }) };
  },
  async TransferOrganizationOwnership() {
    const { owner, orgId } = await base();
    const next = await makeUser("Audit Cov Heir");
    await addMember(next.id, orgId, ["org-admin"]);
    return { caller: owner, raw: raw({ organization_id: orgId }, { user_id: next.id }) };
  },
  async AddOrganizationUser() {
    const { owner, orgId } = await base();
    const newcomer = await makeUser("Audit Cov Newcomer");
    return { caller: owner, raw: raw({ organization_id: orgId }, { email: newcomer.email }) };
  },
  async UpdateOrganizationUser() {
    const { owner, orgId } = await base();
    const m = await withMember(orgId);
    return { caller: owner, raw: raw({ organization_id: orgId, user_id: m.id }, { roles: ["org-admin"] }) };
  },
  async RemoveOrganizationUser() {
    const { owner, orgId } = await base();
    const m = await withMember(orgId);
    return { caller: owner, raw: raw({ organization_id: orgId, user_id: m.id }) };
  },
  async AddWorkspaceUser() {
    const { owner, orgId, p } = await base();
    const m = await withMember(orgId);
    return { caller: owner, raw: raw(p, { user_id: m.id, roles: ["workspace-viewer"] }) };
  },
  async UpdateWorkspaceUser() {
    const { owner, orgId, ws, p } = await base();
    const m = await withMember(orgId, ws);
    return { caller: owner, raw: raw({ ...p, user_id: m.id }, { roles: ["workspace-editor"] }) };
  },
  async RemoveWorkspaceUser() {
    const { owner, orgId, ws, p } = await base();
    const m = await withMember(orgId, ws);
    return { caller: owner, raw: raw({ ...p, user_id: m.id }) };
  },
  async CreateWorkspaceRole() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { title: "Auditor", permissions: ["read:AuditLog"] }) };
  },
  async UpdateWorkspaceRole() {
    const { owner, orgId, ws, p } = await base();
    return { caller: owner, raw: raw({ ...p, role_id: await withRole(orgId, ws) }, { description: "changed" }) };
  },
  async DeleteWorkspaceRole() {
    const { owner, orgId, ws, p } = await base();
    return { caller: owner, raw: raw({ ...p, role_id: await withRole(orgId, ws) }) };
  },
  async CreateWorkspace() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({ organization_id: orgId }, { title: "Audited WS" }) };
  },
  async BatchCreateWorkspaces() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({ organization_id: orgId }, { requests: [{ workspace: { title: "Batch A" } }, { workspace: { title: "Batch B" } }] }) };
  },
  async UpdateWorkspace() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { description: "now audited" }) };
  },
  async DeleteWorkspace() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p) };
  },
  async UndeleteWorkspace() {
    const { owner, p } = await base();
    await (await db()).workspace.update({ where: { id: p.workspace_id }, data: { state: "DELETED", deleteTime: new Date(), purgeTime: new Date(Date.now() + 86_400_000), activeTitleKey: null } });
    return { caller: owner, raw: raw(p, {}) };
  },
  async DisableWorkspace() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { comment: "kept in the audit log" }) };
  },
  async EnableWorkspace() {
    const { owner, p } = await base();
    await (await db()).workspace.update({ where: { id: p.workspace_id }, data: { state: "DISABLED", version: { increment: 1 } } });
    return { caller: owner, raw: raw(p, {}) };
  },
  async TerminateWorkspace() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, {}) };
  },
  async CloneWorkspace() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { title: "Audited Clone" }) };
  },
  async UpdateWorkspacePreferences() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { general: { time_zone: "Europe/Zurich" } }) };
  },
  async UpdateOrganizationPreferences() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({ organization_id: orgId }, { general: { decimal_places: 3 } }) };
  },
  async CreateAccessToken() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({}, { display_name: "Audited token", organization_id: orgId }) };
  },
  async UpdateAccessToken() {
    const { owner, orgId } = await base();
    const token = await createToken(owner.ctx, { display_name: "Before", organization_id: orgId, workspace_ids: [], access: "FULL" });
    return { caller: owner, raw: raw({ token_id: token.token_id }, { display_name: "After" }) };
  },
  async RevokeAccessToken() {
    const { owner, orgId } = await base();
    const token = await createToken(owner.ctx, { display_name: "Doomed", organization_id: orgId, workspace_ids: [], access: "FULL" });
    return { caller: owner, raw: raw({ token_id: token.token_id }) };
  },
  async CreateOAuthCredential() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { actor_type: "workspace", name: "audited", configuration: { client_id: "id", client_secret: "s3cret-value-123" } }) };
  },
  async DeleteOAuthCredential() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw({ ...p, credential_id: await withCredential(owner, p) }) };
  },
  async RotateOAuthCredential() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw({ ...p, credential_id: await withCredential(owner, p) }, { configuration: { client_id: "id2", client_secret: "n3w-secret-value" } }) };
  },
  async CreateWorkspaceUserInvites() {
    const { owner, p } = await base();
    return { caller: owner, raw: raw(p, { emails: [`invitee.${randomBase62(8).toLowerCase()}@example.test`], roles: ["workspace-viewer"] }) };
  },
  async RevokeWorkspaceUserInvite() {
    const { owner, p } = await base();
    const { id } = await withInvitation(owner, p);
    return { caller: owner, raw: raw({ ...p, invitation_id: id }) };
  },
  async ResendWorkspaceUserInvite() {
    const { owner, p } = await base();
    const { id } = await withInvitation(owner, p);
    return { caller: owner, raw: raw({ ...p, invitation_id: id }) };
  },
  async AcceptInvitation() {
    const { owner, p } = await base();
    const invitee = await makeUser("Audit Cov Invitee");
    await withInvitation(owner, p, invitee.email);
    return { caller: invitee, raw: raw({}, { token: await tokenFromOutbox(invitee.email, "invite") }) };
  },
  async DeclineInvitation() {
    const { owner, p } = await base();
    const invitee = await makeUser("Audit Cov Decliner");
    const { id } = await withInvitation(owner, p, invitee.email);
    return { caller: invitee, raw: raw({ invitation_id: id }) };
  },
  async UpdateInvitationSettings() {
    const { owner, orgId } = await base();
    return { caller: owner, raw: raw({ organization_id: orgId }, { invitation_ttl_hours: 48 }) };
  },
};

async function withCredential(owner: TestUser, p: { organization_id: string; workspace_id: string }): Promise<string> {
  const access = await authorize(owner.ctx, "create:Credential", { organizationId: p.organization_id, workspaceId: p.workspace_id });
  const input = CredentialCreateInput.parse({ actor_type: "workspace", name: `cred-${randomBase62(6)}`, configuration: { client_id: "id", client_secret: "s3cret-value-123" } });
  const created = await createCredential(owner.ctx, access, input);
  return created.credential_id;
}

async function withInvitation(owner: TestUser, p: { organization_id: string; workspace_id: string }, email = `pending.${randomBase62(8).toLowerCase()}@example.test`) {
  const access = await authorize(owner.ctx, "create:Invitation", { organizationId: p.organization_id, workspaceId: p.workspace_id });
  const out = await createInvitations(owner.ctx, access, InvitationCreateInput.parse({ emails: [email], roles: ["workspace-viewer"] }));
  return { id: out.invitations[0].invitation_id };
}

const changing = (op: Operation) => op.method !== "GET" && !READ_ONLY.has(op.id);

describe("every changing operation writes an audit entry", () => {
  it("each non-GET operation of the registry has a scenario here or is named read-only", () => {
    const missing = OPERATIONS.filter((op) => changing(op) && !Object.hasOwn(SCENARIOS, op.id)).map((op) => op.id);
    expect(missing, "operations that change data with no audit scenario").toEqual([]);
    const stale = Object.keys(SCENARIOS).filter((id) => !OPERATIONS.some((op) => op.id === id));
    expect(stale, "scenarios for operations that no longer exist").toEqual([]);
  });

  for (const op of OPERATIONS.filter(changing)) {
    it(`${op.id} writes an entry with the caller, the request id and the resource`, async () => {
      const scenario = SCENARIOS[op.id];
      if (!scenario) throw new Error(`no scenario for ${op.id}`);
      const { caller, raw: request } = await scenario();
      const prisma = await db();
      // A request id of its own, so the setup's entries are not counted.
      const ctx = { ...caller.ctx, requestId: `cov_${newId("aud").slice(4)}` };
      await executeOperation(op, ctx, request);
      const entries = await prisma.auditLogEntry.findMany({ where: { requestId: ctx.requestId } });
      expect(entries.length, `${op.id} wrote no audit entry`).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.actorId).toBe(caller.id);
        expect(e.action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
        // Tokens belong to their user; everything else lives in an organization.
        expect(e.resource).toMatch(/^(organizations\/org_|users\/usr_)/);
      }
    });
  }
});
