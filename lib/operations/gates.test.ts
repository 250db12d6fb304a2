import { describe, expect, it } from "vitest";
import { permissionsOf } from "../auth/permissions";
import { gate, gates } from "./gates";
import { AddWorkspaceUser, ListWorkspaceUsers, RemoveWorkspaceUser } from "./members";
import { CloneWorkspace, CreateWorkspace, UpdateWorkspace } from "./workspaces";

const as = (...roles: string[]) => ({ permissions: permissionsOf(roles) });

describe("gate", () => {
  it("allows what the caller's roles hold, with no reason", () => {
    expect(gate(as("workspace-admin"), AddWorkspaceUser)).toEqual({ can: true, reason: "", needs: "" });
  });

  it("refuses what they lack, saying who may and naming the operation's permission", () => {
    expect(gate(as("workspace-viewer"), AddWorkspaceUser)).toEqual({
      can: false,
      reason: "Only workspace admins can add members.",
      needs: AddWorkspaceUser.permission,
    });
    expect(gate(as("workspace-editor"), UpdateWorkspace).can).toBe(true);
  });

  it("needs every operation of an action, and gives the first one missing", () => {
    // Cloning copies the workspace (CloneWorkspace) into a new one (CreateWorkspace).
    expect(gate(as("workspace-admin", "org-member"), CloneWorkspace, CreateWorkspace).can).toBe(true);
    expect(gate(as("workspace-admin"), CloneWorkspace, CreateWorkspace)).toMatchObject({ can: false, needs: CreateWorkspace.permission });
    expect(gate(as("workspace-viewer", "org-member"), CloneWorkspace, CreateWorkspace)).toMatchObject({ can: false, needs: CloneWorkspace.permission });
  });
});

describe("gates", () => {
  it("answers each named action", () => {
    const can = gates(as("workspace-viewer"), { view: ListWorkspaceUsers, add: AddWorkspaceUser, remove: [RemoveWorkspaceUser] });
    expect(can.view.can).toBe(true);
    expect(can.add.can).toBe(false);
    expect(can.remove.reason).toBe("Only workspace admins can remove members.");
  });
});

describe("the console names no permission", () => {
  // Issue 8: pages held ~50 literal checks like held.has("create:Member") that drifted from the
  // operations they guard. Pages ask the operations (gate/gates) instead; tests may still build
  // roles from permission names, which are data of the API.
  it("app/ and components/ hold no catalog permission outside tests", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const path = await import("node:path");
    const { PERMISSION_CATALOG } = await import("../auth/permissions");
    const names = Object.keys(PERMISSION_CATALOG);
    const offenders: string[] = [];
    for (const root of ["app", "components"]) {
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const text = await readFile(file, "utf8");
        for (const name of names) if (text.includes(name)) offenders.push(`${file}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
