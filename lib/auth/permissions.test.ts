import { describe, expect, it } from "vitest";
import {
  ALL_ORGANIZATION_PERMISSIONS,
  ALL_WORKSPACE_PERMISSIONS,
  BUILT_IN_ROLES,
  PERMISSION_CATALOG,
  builtInRole,
  permissionsOf,
} from "./permissions";

describe("permission catalog", () => {
  it("holds exactly the API.md §5 permissions, each described", () => {
    expect(Object.keys(PERMISSION_CATALOG).sort()).toEqual(
      [
        "read:Workspace", "update:Workspace", "delete:Workspace", "clone:Workspace", "manage:WorkspaceState",
        "read:Member", "create:Member", "update:Member", "delete:Member",
        "read:Role", "create:Role", "update:Role", "delete:Role",
        "read:Invitation", "create:Invitation", "delete:Invitation",
        "read:Preferences", "update:Preferences",
        "read:Credential", "create:Credential", "delete:Credential", "read:AuditLog",
        "read:Organization", "update:Organization", "create:Workspace", "manage:OrganizationMember",
      ].sort(),
    );
    for (const description of Object.values(PERMISSION_CATALOG)) expect(description.length).toBeGreaterThan(10);
  });
});

describe("built-in roles", () => {
  it("has the five roles with their scopes", () => {
    expect(BUILT_IN_ROLES.map((r) => [r.id, r.scope])).toEqual([
      ["org-admin", "ROLE_SCOPE_ORGANIZATION"],
      ["org-member", "ROLE_SCOPE_ORGANIZATION"],
      ["workspace-admin", "ROLE_SCOPE_WORKSPACE"],
      ["workspace-editor", "ROLE_SCOPE_WORKSPACE"],
      ["workspace-viewer", "ROLE_SCOPE_WORKSPACE"],
    ]);
  });

  it("gives the org admin everything and the workspace admin every workspace permission", () => {
    expect(new Set(builtInRole("org-admin")!.permissions)).toEqual(new Set([...ALL_ORGANIZATION_PERMISSIONS, ...ALL_WORKSPACE_PERMISSIONS]));
    expect(new Set(builtInRole("workspace-admin")!.permissions)).toEqual(new Set(ALL_WORKSPACE_PERMISSIONS));
  });

  it("limits the org member to reading the organization and creating workspaces", () => {
    expect([...builtInRole("org-member")!.permissions].sort()).toEqual(["create:Workspace", "read:Organization"]);
  });

  it("lets the editor read everything and change only workspace, preferences and invitations", () => {
    const editor = new Set(builtInRole("workspace-editor")!.permissions);
    for (const p of ALL_WORKSPACE_PERMISSIONS.filter((p) => p.startsWith("read:"))) expect(editor.has(p)).toBe(true);
    expect([...editor].filter((p) => !p.startsWith("read:")).sort()).toEqual(["create:Invitation", "update:Preferences", "update:Workspace"]);
  });

  it("lets the viewer read, but not credentials or the audit log, and change nothing", () => {
    const viewer = builtInRole("workspace-viewer")!.permissions;
    expect(viewer.every((p) => p.startsWith("read:"))).toBe(true);
    expect(viewer).not.toContain("read:Credential");
    expect(viewer).not.toContain("read:AuditLog");
    expect(viewer).toContain("read:Member");
  });
});

describe("permissionsOf", () => {
  it("unions roles, resolves custom roles and ignores unknown ids and permissions", () => {
    const perms = permissionsOf(["workspace-viewer", "role_custom", "role_missing"], (id) =>
      id === "role_custom" ? ["create:Member", "bogus:Thing"] : undefined,
    );
    expect(perms.has("read:Workspace")).toBe(true);
    expect(perms.has("create:Member")).toBe(true);
    expect([...perms]).not.toContain("bogus:Thing");
    expect(perms.has("delete:Workspace")).toBe(false);
  });
});
