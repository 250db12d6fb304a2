import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { cloneWorkspaceAction, deleteWorkspaceAction, disableWorkspaceAction, enableWorkspaceAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;

beforeAll(async () => {
  admin = await makeUser("Settings Admin");
  orgId = (await makeOrg(admin)).organization_id;
});

describe("settings actions", () => {
  it("disables with a reason and comment, then enables", async () => {
    const ws = await makeWorkspace(admin, orgId);
    actAs(admin);
    const off = await disableWorkspaceAction(orgId, ws.workspace_id, { reason: "INACTIVITY", comment: "idle since June" });
    expect(off.ok && off.data.state_transitions.at(-1)).toMatchObject({ to_state: "DISABLED", reason: "INACTIVITY", comment: "idle since June" });
    const bad = await enableWorkspaceAction(orgId, ws.workspace_id, { reason: "BORED" });
    expect(!bad.ok && bad.error.fieldViolations.map((v) => v.field)).toEqual(["reason"]);
    const on = await enableWorkspaceAction(orgId, ws.workspace_id, {});
    expect(on.ok && on.data.state).toBe("ACTIVE");
  });

  it("clones only for a caller who may also create workspaces in the organization", async () => {
    const ws = await makeWorkspace(admin, orgId, { description: "source" });
    actAs(admin);
    const copy = await cloneWorkspaceAction(orgId, ws.workspace_id, { title: "Copy" });
    expect(copy.ok && copy.data.description).toBe("source");
    // A workspace admin of the source whose organization role cannot create workspaces.
    const wsAdmin = await makeUser("WS Admin");
    await addMember(wsAdmin.id, orgId, ["org-member"], { id: ws.workspace_id, roles: ["workspace-admin"] });
    await (await db()).organizationPreferences.upsert({
      where: { organizationId: orgId },
      create: { organizationId: orgId, membersCanCreateWorkspaces: false },
      update: { membersCanCreateWorkspaces: false },
    });
    actAs(wsAdmin);
    const refused = await cloneWorkspaceAction(orgId, ws.workspace_id, { title: "Not allowed" });
    expect(!refused.ok && refused.error.code).toBe("PERMISSION_DENIED");
  });

  it("deletes only with the etag the page was loaded with", async () => {
    const ws = await makeWorkspace(admin, orgId);
    actAs(admin);
    const stale = await deleteWorkspaceAction(orgId, ws.workspace_id, { etag: 'W/"9"' });
    expect(!stale.ok && stale.error.code).toBe("ABORTED");
    expect((await deleteWorkspaceAction(orgId, ws.workspace_id, { etag: ws.etag })).ok).toBe(true);
  });
});
