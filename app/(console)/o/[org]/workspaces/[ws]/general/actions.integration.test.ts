import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { updateWorkspaceAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("General Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

describe("updateWorkspaceAction", () => {
  it("changes the masked fields only, and moves the etag on", async () => {
    actAs(admin);
    const ws = await makeWorkspace(admin, orgId, { description: "before" });
    const res = await updateWorkspaceAction(orgId, ws.workspace_id, { title: "Renamed", description: "ignored", etag: ws.etag }, "title");
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.data).toMatchObject({ title: "Renamed", description: "before", etag: 'W/"2"' });
  });

  it("refuses a stale etag with ABORTED instead of overwriting", async () => {
    actAs(admin);
    const ws = await makeWorkspace(admin, orgId);
    expect((await updateWorkspaceAction(orgId, ws.workspace_id, { title: "First", etag: ws.etag }, "title")).ok).toBe(true);
    const stale = await updateWorkspaceAction(orgId, ws.workspace_id, { title: "Second", etag: ws.etag }, "title");
    expect(!stale.ok && stale.error.code).toBe("ABORTED");
  });

  it("refuses an unknown mask path and an immutable one, as PATCH does", async () => {
    actAs(admin);
    const ws = await makeWorkspace(admin, orgId);
    const unknown = await updateWorkspaceAction(orgId, ws.workspace_id, { title: "x" }, "colour");
    expect(!unknown.ok && unknown.error.fieldViolations.map((v) => v.field)).toEqual(["update_mask"]);
    const immutable = await updateWorkspaceAction(orgId, ws.workspace_id, {}, "data_policy");
    expect(!immutable.ok && immutable.error.fieldViolations.map((v) => v.field)).toEqual(["data_policy"]);
  });

  it("lets a viewer read but not change the workspace", async () => {
    const viewer = await makeUser("Viewer");
    const ws = await makeWorkspace(admin, orgId);
    await addMember(viewer.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-viewer"] });
    actAs(viewer);
    const res = await updateWorkspaceAction(orgId, ws.workspace_id, { title: "Mine now" }, "title");
    expect(!res.ok && res.error.code).toBe("PERMISSION_DENIED");
  });
});
