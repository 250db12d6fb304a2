import { describe, expect, it } from "vitest";
import { permissionReason } from "./permission-reasons";

describe("permissionReason", () => {
  it("names the built-in roles that hold the permission, in words", () => {
    expect(permissionReason("create:Member")).toBe("Only workspace admins can add members.");
    expect(permissionReason("update:Workspace")).toBe("Only workspace admins and editors can change this workspace's details.");
    expect(permissionReason("manage:OrganizationMember")).toBe("Only organization admins can manage organization members.");
    // Organization members may have lost create:Workspace to an organization setting.
    expect(permissionReason("create:Workspace")).toBe("Only organization admins can create workspaces.");
  });
});
