import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import { ApiError } from "@/lib/api/errors";
import { hashToken } from "@/lib/auth/tokens";
import { ALL_WORKSPACE_PERMISSIONS, isReadPermission } from "@/lib/auth/permissions";
import { disableWorkspace } from "@/lib/domain/workspaces/disable-workspace";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { errorInfo, expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;
let tokenId: string;

beforeAll(async () => {
  owner = await makeUser("Ada Admin");
  orgId = (await makeOrg(owner, "Lifecycle")).organization_id;
  token = await makeToken(owner);
  tokenId = (await (await db()).personalAccessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { id: true } })).id;
});

const wsUrl = (id: string) => `/api/v1/organizations/${orgId}/workspaces/${id}`;
const verb = (id: string, v: string, body?: object) => api.post(`${wsUrl(id)}:${v}`, { token, body });

async function actions(workspaceId: string) {
  return (await (await db()).auditLogEntry.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
}

describe(":disable, :enable, :terminate", () => {
  it("disables with a default reason, recording who did it", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const res = await verb(ws.workspace_id, "disable");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "DISABLED", etag: 'W/"2"' });
    expect(res.body.state_transitions).toEqual([
      {
        from_state: "ACTIVE",
        to_state: "DISABLED",
        reason: "USER_INITIATED",
        comment: "",
        transition_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        transitioned_by: { type: "ACCESS_KEY", id: tokenId },
      },
    ]);
    const audit = await (await db()).auditLogEntry.findFirstOrThrow({ where: { workspaceId: ws.workspace_id, action: "workspace.disable" } });
    expect(audit.changes).toEqual({ before: { state: "ACTIVE" }, after: { state: "DISABLED" }, reason: "USER_INITIATED", comment: "" });
  });

  it("records a console user (no token) as a USER transition", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const access = await authorize(owner.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: ws.workspace_id });
    const out = await disableWorkspace(owner.ctx, access, { reason: "INACTIVITY", comment: "quiet" });
    expect(out.state_transitions[0]).toMatchObject({ reason: "INACTIVITY", comment: "quiet", transitioned_by: { type: "USER", id: owner.id } });
  });

  it("walks ACTIVE → DISABLED → ACTIVE → TERMINATED with reasons and comments", async () => {
    const ws = await makeWorkspace(owner, orgId);
    expect((await verb(ws.workspace_id, "disable", { reason: "PAYMENT_DEFAULT", comment: "invoice 42 unpaid" })).status).toBe(200);
    const enabled = await verb(ws.workspace_id, "enable", { comment: "paid" });
    expect(enabled.status).toBe(200);
    expect(enabled.body.state).toBe("ACTIVE");
    const terminated = await verb(ws.workspace_id, "terminate", { reason: "ORG_BANNED" });
    expect(terminated.status).toBe(200);
    expect(terminated.body.state).toBe("TERMINATED");
    expect(terminated.body.state_transitions.map((t: Record<string, string>) => [t.from_state, t.to_state, t.reason, t.comment])).toEqual([
      ["ACTIVE", "DISABLED", "PAYMENT_DEFAULT", "invoice 42 unpaid"],
      ["DISABLED", "ACTIVE", "USER_INITIATED", "paid"],
      ["ACTIVE", "TERMINATED", "ORG_BANNED", ""],
    ]);
    expect(await actions(ws.workspace_id)).toEqual(["workspace.create", "workspace.disable", "workspace.enable", "workspace.terminate"]);
  });

  it("terminates a DISABLED workspace too", async () => {
    const ws = await makeWorkspace(owner, orgId);
    await verb(ws.workspace_id, "disable");
    const res = await verb(ws.workspace_id, "terminate");
    expect(res.status).toBe(200);
    expect(res.body.state_transitions.at(-1)).toMatchObject({ from_state: "DISABLED", to_state: "TERMINATED" });
  });

  it("refuses illegal transitions with FAILED_PRECONDITION and changes nothing", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const enableActive = await verb(ws.workspace_id, "enable");
    expectRpcError(enableActive, 400, 9, "ILLEGAL_STATE_TRANSITION");
    expect(errorInfo(enableActive.body)?.metadata).toMatchObject({ from_state: "ACTIVE", to_state: "ACTIVE" });
    await verb(ws.workspace_id, "disable");
    expectRpcError(await verb(ws.workspace_id, "disable"), 400, 9, "ILLEGAL_STATE_TRANSITION");
    await verb(ws.workspace_id, "terminate");
    for (const v of ["enable", "disable", "terminate"]) {
      expectRpcError(await verb(ws.workspace_id, v), 400, 9, "WORKSPACE_TERMINATED");
    }
    const after = (await api.get(wsUrl(ws.workspace_id), { token })).body;
    expect(after.state).toBe("TERMINATED");
    expect(after.state_transitions).toHaveLength(2);
  });

  it("validates reason and comment", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const cases: [object, string][] = [
      [{ reason: "BORED" }, "reason"],
      [{ reason: "user-initiated" }, "reason"],
      [{ comment: "c".repeat(1025) }, "comment"],
      [{ comment: 7 }, "comment"],
      [{ because: "x" }, "because"],
    ];
    for (const [body, field] of cases) {
      const res = await verb(ws.workspace_id, "disable", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(violatedFields(res.body)).toContain(field);
    }
    expect((await verb(ws.workspace_id, "disable", { comment: "ü".repeat(1024) })).status).toBe(200);
  });

  it("needs manage:WorkspaceState: an editor is refused, an org admin who is no member is not", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const editor = await makeUser("Eddie");
    await addMember(editor.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
    const denied = await api.post(`${wsUrl(ws.workspace_id)}:disable`, { token: await makeToken(editor) });
    expectRpcError(denied, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(denied.body)?.metadata.permission).toBe("manage:WorkspaceState");
    const admin = await makeUser("Otto Orgadmin");
    await addMember(admin.id, orgId, ["org-admin"]);
    expect((await api.post(`${wsUrl(ws.workspace_id)}:disable`, { token: await makeToken(admin) })).status).toBe(200);
  });
});

describe("a DISABLED or TERMINATED workspace is read-only", () => {
  for (const state of ["DISABLED", "TERMINATED"] as const) {
    const reason = state === "DISABLED" ? "WORKSPACE_DISABLED" : "WORKSPACE_TERMINATED";

    it(`${state}: PATCH, DELETE and :undelete are FAILED_PRECONDITION; reads and :clone still work`, async () => {
      const ws = await makeWorkspace(owner, orgId, { title: `Frozen ${state}` });
      await verb(ws.workspace_id, state === "DISABLED" ? "disable" : "terminate");
      const before = (await api.get(wsUrl(ws.workspace_id), { token })).body;

      expectRpcError(await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "no" } }), 400, 9, reason);
      expectRpcError(await api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": before.etag }, body: { title: "no" } }), 400, 9, reason);
      expectRpcError(await api.delete(wsUrl(ws.workspace_id), { token }), 400, 9, reason);
      expectRpcError(await verb(ws.workspace_id, "undelete"), 400, 9, reason);

      expect((await api.get(wsUrl(ws.workspace_id), { token })).body).toEqual(before);
      const listed = await api.get(`/api/v1/organizations/${orgId}/workspaces?filter=${encodeURIComponent(`state = ${state}`)}`, { token });
      expect(listed.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toContain(ws.workspace_id);

      const clone = await verb(ws.workspace_id, "clone", { title: `Thawed copy of ${state}` });
      expect(clone.status).toBe(201);
      expect(clone.body.state).toBe("ACTIVE");
    });

    it(`${state}: authorize refuses every workspace change permission but ${state === "DISABLED" ? "manage:WorkspaceState and " : ""}clone:Workspace`, async () => {
      const ws = await makeWorkspace(owner, orgId);
      await verb(ws.workspace_id, state === "DISABLED" ? "disable" : "terminate");
      const target = { organizationId: orgId, workspaceId: ws.workspace_id };
      const allowed = new Set(state === "DISABLED" ? ["manage:WorkspaceState", "clone:Workspace"] : ["clone:Workspace"]);
      for (const permission of ALL_WORKSPACE_PERMISSIONS) {
        const outcome = await authorize(owner.ctx, permission, target).then(
          () => "ok",
          (e: unknown) => (e instanceof ApiError ? `${e.code}/${e.options.reason}` : String(e)),
        );
        expect(outcome, permission).toBe(isReadPermission(permission) || allowed.has(permission) ? "ok" : `FAILED_PRECONDITION/${reason}`);
      }
    });
  }

  it("accepts changes again once enabled", async () => {
    const ws = await makeWorkspace(owner, orgId);
    await verb(ws.workspace_id, "disable");
    await verb(ws.workspace_id, "enable");
    const res = await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "thawed" } });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe("thawed");
  });

  it("closes the race between authorization and the write: a workspace disabled meanwhile is not changed", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Racy" });
    const access = await authorize(owner.ctx, "update:Workspace", { organizationId: orgId, workspaceId: ws.workspace_id });
    await verb(ws.workspace_id, "disable");
    const { updateWorkspace } = await import("@/lib/domain/workspaces/update-workspace");
    const error = await updateWorkspace(owner.ctx, access, { input: { description: "sneaked in" }, paths: new Set(["description"]), maskGiven: false, preconditions: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).options.reason).toBe("WORKSPACE_DISABLED");
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body.description).toBe("");
  });
});
