// Every operation of the registry that changes data writes an audit entry in its transaction.
// The test walks the registry: an operation that is not GET must either have a scenario here that
// runs it for real and finds a new entry, or be named as read-only. A new changing operation with
// neither fails the first test, so it cannot ship without an entry.

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { OPERATIONS } from ".";
import { executeOperation, type RawRequest } from "./execute";
import type { Operation } from "./operation";

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
};

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
        expect(e.resource).toMatch(/^organizations\/org_/);
      }
    });
  }
});
