import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import { builtInRole, permissionsOf } from "../../auth/permissions";
import { assertCanGrant, assertHoldsPermissions, resolveOrganizationRoles, resolveWorkspaceRoles } from "./grants";

const holder = (...roles: string[]) => permissionsOf(roles);

function thrown(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected an error");
}

describe("assertCanGrant", () => {
  it("lets a holder grant roles whose permissions it holds, including its own role", () => {
    expect(() => assertCanGrant(holder("workspace-admin"), [builtInRole("workspace-editor")!, builtInRole("workspace-admin")!])).not.toThrow();
    expect(() => assertCanGrant(holder("org-admin"), [builtInRole("org-admin")!])).not.toThrow();
    expect(() => assertCanGrant(holder("workspace-editor"), [builtInRole("workspace-viewer")!])).not.toThrow();
    expect(() => assertCanGrant(holder("workspace-viewer"), [])).not.toThrow();
  });

  it("refuses a role holding any permission the holder lacks, naming what is missing", () => {
    const e = thrown(() => assertCanGrant(holder("workspace-editor"), [builtInRole("workspace-admin")!]));
    expect(e.code).toBe("PERMISSION_DENIED");
    expect(e.options.reason).toBe("PERMISSION_ESCALATION");
    expect(e.message).toContain("delete:Workspace");
    expect(e.message).not.toContain("update:Workspace,");
    // A workspace admin cannot make anyone an organization admin.
    expect(thrown(() => assertCanGrant(holder("workspace-admin"), [builtInRole("org-admin")!])).message).toContain("manage:OrganizationMember");
    // The viewer role lacks nothing a viewer has, but the editor holds update:Workspace.
    expect(thrown(() => assertCanGrant(holder("workspace-viewer"), [builtInRole("workspace-editor")!])).code).toBe("PERMISSION_DENIED");
  });

  it("checks custom roles by their permission lists", () => {
    const custom = { id: "role_x", title: "Credential keeper", permissions: ["read:Workspace", "read:Credential"] };
    expect(() => assertCanGrant(holder("workspace-admin"), [custom])).not.toThrow();
    expect(thrown(() => assertCanGrant(holder("workspace-viewer"), [custom])).message).toContain("read:Credential");
  });

  it("applies to permission lists the same way", () => {
    expect(() => assertHoldsPermissions(holder("workspace-editor"), ["read:Member", "update:Workspace"], "create this role")).not.toThrow();
    expect(thrown(() => assertHoldsPermissions(holder("workspace-editor"), ["delete:Role"], "create this role")).message).toMatch(/^You cannot create this role/);
  });
});

describe("role resolution", () => {
  it("accepts built-in workspace roles and the given custom roles only", () => {
    const custom = [{ id: "role_abc", title: "Custom", permissions: ["read:Workspace"] }];
    expect(resolveWorkspaceRoles(["workspace-viewer", "role_abc"], custom).map((r) => r.id)).toEqual(["workspace-viewer", "role_abc"]);
    const e = thrown(() => resolveWorkspaceRoles(["org-admin", "role_other", "workspace-viewer"], custom));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.options.fieldViolations?.[0].field).toBe("roles");
    expect(e.message).toContain("'org-admin'");
    expect(e.message).toContain("'role_other'");
  });

  it("accepts only the built-in organization roles at organization level", () => {
    expect(resolveOrganizationRoles(["org-member", "org-admin"]).map((r) => r.id)).toEqual(["org-member", "org-admin"]);
    expect(thrown(() => resolveOrganizationRoles(["workspace-admin"])).code).toBe("INVALID_ARGUMENT");
  });
});
