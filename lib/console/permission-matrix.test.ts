import { describe, expect, it } from "vitest";
import { listPermissions } from "@/lib/domain/roles/list-permissions";
import { permissionMatrix, resourceLabel } from "./permission-matrix";

describe("permissionMatrix", () => {
  it("lays the workspace catalog out as resources × actions, every permission in exactly one cell", () => {
    const catalog = listPermissions().permissions.filter((p) => p.scope === "ROLE_SCOPE_WORKSPACE");
    const m = permissionMatrix(catalog);
    expect(m.resources[0]).toBe("Workspace");
    expect(m.actions.slice(0, 4)).toEqual(["read", "create", "update", "delete"]);
    const cells = m.resources.flatMap((r) => m.actions.map((a) => m.cell(r, a)?.permission)).filter(Boolean);
    expect(cells.sort()).toEqual(catalog.map((p) => p.permission).sort());
    expect(m.cell("AuditLog", "delete")).toBeUndefined();
    expect(m.cell("WorkspaceState", "manage")?.permission).toBe("manage:WorkspaceState");
  });

  it("labels resources in words", () => {
    expect(resourceLabel("WorkspaceState")).toBe("Workspace state");
    expect(resourceLabel("AuditLog")).toBe("Audit log");
    expect(resourceLabel("Member")).toBe("Member");
  });
});
