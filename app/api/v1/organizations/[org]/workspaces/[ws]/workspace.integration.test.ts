import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { kognitosValidator } from "@/lib/testing/kognitos-schemas";
import { errorInfo, expectRpcError, violatedFields } from "@/lib/testing/rpc";

let owner: TestUser;
let orgId: string;
let token: string;

beforeAll(async () => {
  owner = await makeUser("Grace Hopper");
  orgId = (await makeOrg(owner, "Navy")).organization_id;
  token = await makeToken(owner);
});

const wsUrl = (id: string) => `/api/v1/organizations/${orgId}/workspaces/${id}`;
const listUrl = () => `/api/v1/organizations/${orgId}/workspaces`;

async function auditOf(workspaceId: string) {
  return (await db()).auditLogEntry.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
}

describe("GET /organizations/{org}/workspaces/{ws}", () => {
  it("returns the workspace, valid against Kognitos GetWorkspace", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Readable", description: "d", workspace_icon: "rocket" });
    const res = await api.get(wsUrl(ws.workspace_id), { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ws);
    const validate = kognitosValidator("GetWorkspace");
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it("404s an unknown or malformed id", async () => {
    expectRpcError(await api.get(wsUrl("ws_000000000000000000000000"), { token }), 404, 5, "WORKSPACE_NOT_FOUND");
    expectRpcError(await api.get(wsUrl("nonsense"), { token }), 404, 5, "WORKSPACE_NOT_FOUND");
  });
});

describe("PATCH /organizations/{org}/workspaces/{ws}", () => {
  it("updates the populated fields, bumps the etag and audits only what changed", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Before", description: "same" });
    await new Promise((r) => setTimeout(r, 5));
    const res = await api.patch(wsUrl(ws.workspace_id), {
      token,
      body: { title: " After ", description: "same", workspace_icon: "🚀", workspace_icon_color: "#00ff00", configuration: { domain: "Navy.Example" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: "After",
      description: "same",
      workspace_icon: "🚀",
      workspace_icon_color: "#00FF00",
      configuration: { domain: "navy.example" },
      etag: 'W/"2"',
      create_time: ws.create_time,
    });
    expect(res.body.update_time > ws.update_time).toBe(true);
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body).toEqual(res.body);

    const audit = await auditOf(ws.workspace_id);
    expect(audit.map((a) => a.action)).toEqual(["workspace.create", "workspace.update"]);
    expect(audit[1]).toMatchObject({ actorType: "ACCESS_KEY", actorEmail: owner.email, resource: `organizations/${orgId}/workspaces/${ws.workspace_id}` });
    expect(audit[1].changes).toEqual({
      before: { title: "Before", workspace_icon: "", workspace_icon_color: "", configuration: { domain: "" } },
      after: { title: "After", workspace_icon: "🚀", workspace_icon_color: "#00FF00", configuration: { domain: "navy.example" } },
    });
  });

  it("changes exactly the update_mask's fields, resetting masked fields missing from the body", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Masked", description: "keep me?", workspace_icon: "star" });
    const res = await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=description,workspace_icon_color`, {
      token,
      body: { title: "Ignored because not in the mask", workspace_icon_color: "#123456" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "Masked", description: "", workspace_icon: "star", workspace_icon_color: "#123456" });

    const nested = await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=configuration`, { token, body: { configuration: { domain: "a.example" } } });
    expect(nested.body.configuration.domain).toBe("a.example");
  });

  it("rejects unknown, output-only and unsatisfiable mask paths", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const unknown = await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=colour`, { token, body: {} });
    expectRpcError(unknown, 400, 3, "INVALID_ARGUMENT");
    expect(violatedFields(unknown.body)).toEqual(["update_mask"]);
    const outputOnly = await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=state`, { token, body: { state: "DISABLED" } });
    expect(outputOnly.status).toBe(400);
    expect(outputOnly.body.message).toMatch(/output only/);
    const missingTitle = await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=title`, { token, body: {} });
    expect(missingTitle.status).toBe(400);
    expect(violatedFields(missingTitle.body)).toEqual(["title"]);
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body.etag).toBe('W/"1"');
  });

  it("ignores output-only fields, so a GET body can be sent back with a change", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Round trip" });
    const body = { ...ws, title: "Round trip 2", state: "TERMINATED", state_transitions: [{ bogus: true }], creator_email: "x@evil.test", name: "organizations/org_x/workspaces/ws_x", workspace_id: "ws_other00000000000000000", create_time: "2000-01-01T00:00:00.000Z" };
    const res = await api.patch(wsUrl(ws.workspace_id), { token, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: "Round trip 2",
      state: "ACTIVE",
      state_transitions: [],
      creator_email: owner.email,
      name: ws.name,
      workspace_id: ws.workspace_id,
      create_time: ws.create_time,
    });
  });

  it("keeps data_policy immutable", async () => {
    const ws = await makeWorkspace(owner, orgId, { data_policy: { group: "eu-west-1", regions: [{ region: "eu-west-1", priority: 0 }] } });
    const changed = await api.patch(wsUrl(ws.workspace_id), {
      token,
      body: { data_policy: { group: "us-west-2", regions: [{ region: "us-west-2", priority: 0 }] } },
    });
    expectRpcError(changed, 400, 3, "FIELD_IMMUTABLE");
    expect(violatedFields(changed.body)).toEqual(["data_policy"]);
    expectRpcError(await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=data_policy`, { token, body: { data_policy: ws.data_policy } }), 400, 3, "FIELD_IMMUTABLE");
    expectRpcError(await api.patch(`${wsUrl(ws.workspace_id)}?update_mask=data_policy.group`, { token, body: {} }), 400, 3, "FIELD_IMMUTABLE");
    const same = await api.patch(wsUrl(ws.workspace_id), { token, body: { data_policy: ws.data_policy, description: "echo" } });
    expect(same.status).toBe(200);
    expect(same.body.data_policy).toEqual(ws.data_policy);
  });

  it("validates fields with field violations and rejects unknown fields", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "  " }, "title"],
      [{ title: "x".repeat(257) }, "title"],
      [{ description: "d".repeat(1025) }, "description"],
      [{ workspace_icon_color: "red" }, "workspace_icon_color"],
      [{ workspace_icon: "not-an-icon" }, "workspace_icon"],
      [{ configuration: { domain: "-bad-.example" } }, "configuration.domain"],
      [{ configuration: { domain: `${"a".repeat(250)}.example` } }, "configuration.domain"],
      [{ configuration: { mail: "x" } }, "configuration.mail"],
      [{ colour: "red" }, "colour"],
    ];
    for (const [body, field] of cases) {
      const res = await api.patch(wsUrl(ws.workspace_id), { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe(3);
      expect(violatedFields(res.body), JSON.stringify(body)).toContain(field);
    }
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body.etag).toBe('W/"1"');
  });

  it("keeps titles unique case-insensitively, but lets a workspace change its own title's case", async () => {
    await makeWorkspace(owner, orgId, { title: "Taken Title" });
    const ws = await makeWorkspace(owner, orgId, { title: "free title" });
    const res = await api.patch(wsUrl(ws.workspace_id), { token, body: { title: "TAKEN title" } });
    expectRpcError(res, 409, 6, "WORKSPACE_TITLE_TAKEN");
    expect(violatedFields(res.body)).toEqual(["title"]);
    const recased = await api.patch(wsUrl(ws.workspace_id), { token, body: { title: "Free Title" } });
    expect(recased.status).toBe(200);
    expect(recased.body.title).toBe("Free Title");
  });

  it("does nothing for a PATCH that changes nothing: same etag, no audit entry", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Idle", description: "d" });
    const res = await api.patch(wsUrl(ws.workspace_id), { token, body: { title: "Idle", description: "d" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(ws);
    expect((await auditOf(ws.workspace_id)).map((a) => a.action)).toEqual(["workspace.create"]);
  });

  describe("etags (AIP-154)", () => {
    it("accepts the current etag in the body or If-Match, and refuses a stale one with ABORTED", async () => {
      const ws = await makeWorkspace(owner, orgId);
      const v2 = await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "one", etag: ws.etag } });
      expect(v2.status).toBe(200);
      expect(v2.body.etag).toBe('W/"2"');

      const staleBody = await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "two", etag: ws.etag } });
      expectRpcError(staleBody, 409, 10, "ETAG_MISMATCH");
      expect(errorInfo(staleBody.body)?.metadata.current_etag).toBe('W/"2"');
      const staleHeader = await api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": ws.etag }, body: { description: "two" } });
      expectRpcError(staleHeader, 409, 10, "ETAG_MISMATCH");

      const v3 = await api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": v2.body.etag }, body: { description: "three" } });
      expect(v3.status).toBe(200);
      const any = await api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": "*" }, body: { description: "four" } });
      expect(any.status).toBe(200);
      expect(any.body).toMatchObject({ description: "four", etag: 'W/"4"' });
    });

    it("sends the etag as an ETag header too, usable as If-Match", async () => {
      const created = await api.post(listUrl(), { token, body: { title: "Header etag" } });
      expect(created.headers.get("etag")).toBe('W/"1"');
      const id = created.body.workspace_id;
      const got = await api.get(wsUrl(id), { token });
      expect(got.headers.get("etag")).toBe(got.body.etag);
      const patched = await api.patch(wsUrl(id), { token, headers: { "if-match": got.headers.get("etag")! }, body: { description: "via header" } });
      expect(patched.status).toBe(200);
      expect(patched.headers.get("etag")).toBe('W/"2"');
      const disabled = await api.post(`${wsUrl(id)}:disable`, { token });
      expect(disabled.headers.get("etag")).toBe('W/"3"');
      const clone = await api.post(`${wsUrl(id)}:clone`, { token, body: { title: "Header etag copy" } });
      expect(clone.headers.get("etag")).toBe('W/"1"');
      expect(clone.headers.get("location")).toBe(`/api/v1/${clone.body.name}`);
    });

    it("rejects a malformed etag with INVALID_ARGUMENT", async () => {
      const ws = await makeWorkspace(owner, orgId);
      const res = await api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": "version-1" }, body: { description: "x" } });
      expectRpcError(res, 400, 3, "INVALID_ETAG");
      expect(violatedFields(res.body)).toEqual(["If-Match"]);
      expectRpcError(await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "x", etag: "1" } }), 400, 3, "INVALID_ETAG");
    });

    it("lets exactly one of two concurrent PATCHes with one etag win; the other is ABORTED", async () => {
      const ws = await makeWorkspace(owner, orgId, { title: "Contended" });
      for (let round = 0; round < 3; round++) {
        const current = (await api.get(wsUrl(ws.workspace_id), { token })).body;
        const results = await Promise.all([
          api.patch(wsUrl(ws.workspace_id), { token, body: { title: `Left ${round}`, etag: current.etag } }),
          api.patch(wsUrl(ws.workspace_id), { token, headers: { "if-match": current.etag }, body: { title: `Right ${round}` } }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const loser = results.find((r) => r.status === 409)!;
        expect(loser.body.code).toBe(10);
        const winner = results.find((r) => r.status === 200)!;
        const after = (await api.get(wsUrl(ws.workspace_id), { token })).body;
        expect(after.title).toBe(winner.body.title);
        expect(after.etag).toBe(`W/"${round + 2}"`);
      }
      const updates = (await auditOf(ws.workspace_id)).filter((a) => a.action === "workspace.update");
      expect(updates).toHaveLength(3);
    });

    it("applies concurrent PATCHes without etags one after the other (no lost write, no error)", async () => {
      const ws = await makeWorkspace(owner, orgId, { title: "Last writer" });
      const results = await Promise.all([
        api.patch(wsUrl(ws.workspace_id), { token, body: { description: "from A" } }),
        api.patch(wsUrl(ws.workspace_id), { token, body: { workspace_icon: "star" } }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const after = (await api.get(wsUrl(ws.workspace_id), { token })).body;
      expect(after).toMatchObject({ description: "from A", workspace_icon: "star", etag: 'W/"3"' });
    });
  });

  it("replays a PATCH sent again with its Idempotency-Key instead of applying it twice", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Idempotent patch" });
    const send = (body: object) => api.patch(wsUrl(ws.workspace_id), { token, headers: { "idempotency-key": `patch-${ws.workspace_id}` }, body });
    const first = await send({ description: "once", etag: ws.etag });
    expect(first.status).toBe(200);
    const replay = await send({ description: "once", etag: ws.etag });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotency-replay")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body.etag).toBe('W/"2"');
    expectRpcError(await send({ description: "different" }), 409, 10, "IDEMPOTENCY_KEY_REUSED");
  });

  it("lets an editor update but not a viewer; a read-only token may not either", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Roles matter" });
    const editor = await makeUser("Ed Editor");
    const viewer = await makeUser("Vi Viewer");
    await addMember(editor.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
    await addMember(viewer.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-viewer"] });
    expect((await api.patch(wsUrl(ws.workspace_id), { token: await makeToken(editor), body: { description: "by editor" } })).status).toBe(200);
    const denied = await api.patch(wsUrl(ws.workspace_id), { token: await makeToken(viewer), body: { description: "by viewer" } });
    expectRpcError(denied, 403, 7, "PERMISSION_DENIED");
    expect(errorInfo(denied.body)?.metadata.permission).toBe("update:Workspace");
    const readOnly = await makeToken(owner, { access: "READ_ONLY" });
    expectRpcError(await api.patch(wsUrl(ws.workspace_id), { token: readOnly, body: { description: "ro" } }), 403, 7, "TOKEN_READ_ONLY");
    expect((await api.get(wsUrl(ws.workspace_id), { token })).body.description).toBe("by editor");
  });
});

describe("DELETE /organizations/{org}/workspaces/{ws} (soft delete)", () => {
  it("soft-deletes: 204, gone from GET and lists, listed with show_deleted, title free, second DELETE 404", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Doomed" });
    const res = await api.delete(wsUrl(ws.workspace_id), { token });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();

    expectRpcError(await api.get(wsUrl(ws.workspace_id), { token }), 404, 5, "WORKSPACE_NOT_FOUND");
    const list = await api.get(`${listUrl()}?filter=${encodeURIComponent('title = "Doomed"')}`, { token });
    expect(list.body.workspaces).toEqual([]);
    const mine = await api.get(`/api/v1/me/organizations/${orgId}/workspaces?filter=${encodeURIComponent('title = "Doomed"')}`, { token });
    expect(mine.body.user_workspaces).toEqual([]);

    const shown = await api.get(`${listUrl()}?show_deleted=true&filter=${encodeURIComponent('title = "Doomed"')}`, { token });
    expect(shown.body.workspaces).toHaveLength(1);
    const deleted = shown.body.workspaces[0];
    expect(deleted).toMatchObject({ workspace_id: ws.workspace_id, state: "DELETED", etag: 'W/"2"' });
    expect(Date.parse(deleted.purge_time) - Date.parse(deleted.delete_time)).toBe(30 * 24 * 60 * 60 * 1000);
    expect(Math.abs(Date.parse(deleted.delete_time) - Date.now())).toBeLessThan(60_000);
    expect(deleted.state_transitions).toEqual([
      expect.objectContaining({ from_state: "ACTIVE", to_state: "DELETED", reason: "USER_INITIATED", transitioned_by: expect.objectContaining({ type: "ACCESS_KEY" }) }),
    ]);

    expectRpcError(await api.delete(wsUrl(ws.workspace_id), { token }), 404, 5, "WORKSPACE_NOT_FOUND");
    expectRpcError(await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "x" } }), 404, 5, "WORKSPACE_NOT_FOUND");
    expect((await api.post(listUrl(), { token, body: { title: "doomed" } })).status).toBe(201);

    const audit = await auditOf(ws.workspace_id);
    expect(audit.map((a) => a.action)).toEqual(["workspace.create", "workspace.delete"]);
    expect(audit[1].changes).toEqual({
      before: { state: "ACTIVE", delete_time: null, purge_time: null },
      after: { state: "DELETED", delete_time: deleted.delete_time, purge_time: deleted.purge_time },
    });
  });

  it("honours If-Match and ?etag= on DELETE", async () => {
    const ws = await makeWorkspace(owner, orgId);
    await api.patch(wsUrl(ws.workspace_id), { token, body: { description: "v2" } });
    expectRpcError(await api.delete(wsUrl(ws.workspace_id), { token, headers: { "if-match": 'W/"1"' } }), 409, 10, "ETAG_MISMATCH");
    expectRpcError(await api.delete(`${wsUrl(ws.workspace_id)}?etag=${encodeURIComponent('W/"1"')}`, { token }), 409, 10, "ETAG_MISMATCH");
    expectRpcError(await api.delete(wsUrl(ws.workspace_id), { token, body: { etag: 'W/"1"' } }), 409, 10, "ETAG_MISMATCH");
    expect((await api.get(wsUrl(ws.workspace_id), { token })).status).toBe(200);
    expect((await api.delete(`${wsUrl(ws.workspace_id)}?etag=${encodeURIComponent('W/"2"')}`, { token, headers: { "if-match": 'W/"2"' } })).status).toBe(204);
  });

  it("replays a DELETE sent again with its Idempotency-Key (204, not 404)", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const headers = { "idempotency-key": `delete-${ws.workspace_id}` };
    expect((await api.delete(wsUrl(ws.workspace_id), { token, headers })).status).toBe(204);
    const replay = await api.delete(wsUrl(ws.workspace_id), { token, headers });
    expect(replay.status).toBe(204);
    expect(replay.headers.get("idempotency-replay")).toBe("true");
    expect((await auditOf(ws.workspace_id)).filter((a) => a.action === "workspace.delete")).toHaveLength(1);
    expect((await api.delete(wsUrl(ws.workspace_id), { token })).status).toBe(404);
  });

  it("lets one of two concurrent DELETEs win; the other is 404", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const results = await Promise.all([api.delete(wsUrl(ws.workspace_id), { token }), api.delete(wsUrl(ws.workspace_id), { token })]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 404]);
    expect((await auditOf(ws.workspace_id)).filter((a) => a.action === "workspace.delete")).toHaveLength(1);
  });

  it("needs delete:Workspace: an editor gets PERMISSION_DENIED", async () => {
    const ws = await makeWorkspace(owner, orgId);
    const editor = await makeUser("Del Editor");
    await addMember(editor.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-editor"] });
    expectRpcError(await api.delete(wsUrl(ws.workspace_id), { token: await makeToken(editor) }), 403, 7, "PERMISSION_DENIED");
  });
});

describe("POST /organizations/{org}/workspaces/{ws}:undelete", () => {
  it("restores a deleted workspace, its title and its state", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Phoenix" });
    await api.delete(wsUrl(ws.workspace_id), { token });
    const res = await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workspace_id: ws.workspace_id, title: "Phoenix", state: "ACTIVE", delete_time: null, purge_time: null, etag: 'W/"3"' });
    expect(res.body.state_transitions.map((t: { from_state: string; to_state: string }) => `${t.from_state}>${t.to_state}`)).toEqual(["ACTIVE>DELETED", "DELETED>ACTIVE"]);
    expect((await api.get(wsUrl(ws.workspace_id), { token })).status).toBe(200);
    expectRpcError(await api.post(listUrl(), { token, body: { title: "PHOENIX" } }), 409, 6, "WORKSPACE_TITLE_TAKEN");
    const audit = await auditOf(ws.workspace_id);
    expect(audit.map((a) => a.action)).toEqual(["workspace.create", "workspace.delete", "workspace.undelete"]);
    expect(audit[2].changes).toMatchObject({ before: { state: "DELETED" }, after: { state: "ACTIVE", delete_time: null, purge_time: null } });
  });

  it("answers ALREADY_EXISTS for a workspace that is not deleted", async () => {
    const ws = await makeWorkspace(owner, orgId);
    expectRpcError(await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token }), 409, 6, "WORKSPACE_NOT_DELETED");
  });

  it("refuses with ALREADY_EXISTS when its title was taken meanwhile", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Reused" });
    await api.delete(wsUrl(ws.workspace_id), { token });
    await makeWorkspace(owner, orgId, { title: "reused" });
    const res = await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token });
    expectRpcError(res, 409, 6, "WORKSPACE_TITLE_TAKEN");
    const shown = await api.get(`${listUrl()}?show_deleted=true&filter=${encodeURIComponent("state = DELETED")}`, { token });
    expect(shown.body.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toContain(ws.workspace_id);
  });

  it("is NOT_FOUND past the purge time, and the workspace is no longer listed", async () => {
    const ws = await makeWorkspace(owner, orgId, { title: "Purged" });
    await api.delete(wsUrl(ws.workspace_id), { token });
    await (await db()).workspace.update({ where: { id: ws.workspace_id }, data: { purgeTime: new Date(Date.now() - 1000) } });
    expectRpcError(await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token }), 404, 5, "WORKSPACE_NOT_FOUND");
    const shown = await api.get(`${listUrl()}?show_deleted=true&filter=${encodeURIComponent('title = "Purged"')}`, { token });
    expect(shown.body.workspaces).toEqual([]);
  });

  it("restores the state the workspace had when it was deleted", async () => {
    // Deletion is refused while DISABLED today, but rows deleted in that state (by an operator,
    // or by an earlier version) must come back DISABLED, not silently ACTIVE.
    const ws = await makeWorkspace(owner, orgId, { title: "Was disabled" });
    const at = new Date().toISOString();
    const by = { type: "USER", id: owner.id };
    await (await db()).workspace.update({
      where: { id: ws.workspace_id },
      data: {
        state: "DELETED",
        deleteTime: new Date(),
        purgeTime: new Date(Date.now() + 86_400_000),
        activeTitleKey: null,
        stateTransitions: [
          { from_state: "ACTIVE", to_state: "DISABLED", reason: "PAYMENT_DEFAULT", comment: "", transition_time: at, transitioned_by: by },
          { from_state: "DISABLED", to_state: "DELETED", reason: "USER_INITIATED", comment: "", transition_time: at, transitioned_by: by },
        ],
      },
    });
    const res = await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("DISABLED");
    expect(res.body.state_transitions.at(-1)).toMatchObject({ from_state: "DELETED", to_state: "DISABLED" });
  });

  it("honours a stale etag with ABORTED and rejects unknown body fields", async () => {
    const ws = await makeWorkspace(owner, orgId);
    await api.delete(wsUrl(ws.workspace_id), { token });
    expectRpcError(await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token, body: { etag: 'W/"1"' } }), 409, 10, "ETAG_MISMATCH");
    const unknown = await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token, body: { force: true } });
    expect(unknown.status).toBe(400);
    expect(violatedFields(unknown.body)).toEqual(["force"]);
    expect((await api.post(`${wsUrl(ws.workspace_id)}:undelete`, { token, body: { etag: 'W/"2"' } })).status).toBe(200);
  });
});

describe("custom-method dispatch on …/workspaces/{ws}", () => {
  it("404s unknown verbs, 405s a POST without a verb, and 404s GET with a verb", async () => {
    const ws = await makeWorkspace(owner, orgId);
    expectRpcError(await api.post(`${wsUrl(ws.workspace_id)}:explode`, { token }), 404, 5, "UNKNOWN_PATH");
    const noVerb = await api.post(wsUrl(ws.workspace_id), { token, body: {} });
    expect(noVerb.status).toBe(405);
    expect(noVerb.headers.get("allow")).toBe("GET, PATCH, DELETE");
    expectRpcError(await api.get(`${wsUrl(ws.workspace_id)}:disable`, { token }), 404, 5, "UNKNOWN_PATH");
    // Clients that percent-encode the colon reach the same method.
    const encoded = await api.post(`${wsUrl(ws.workspace_id)}%3Adisable`, { token });
    expect(encoded.status).toBe(200);
    expect(encoded.body.state).toBe("DISABLED");
  });
});
