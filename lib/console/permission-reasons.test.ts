import { describe, expect, it } from "vitest";
import { missingReason, permissionReason } from "./permission-reasons";

describe("permissionReason", () => {
  it("names the built-in roles that hold the permission, in words", () => {
    expect(permissionReason("create:Member")).toBe("Only workspace admins can add members.");
    expect(permissionReason("update:Workspace")).toBe("Only workspace admins and editors can change this workspace's details.");
    expect(permissionReason("manage:OrganizationMember")).toBe("Only organization admins can manage organization members.");
    // Organization members may have lost create:Workspace to an organization setting.
    expect(permissionReason("create:Workspace")).toBe("Only organization admins can create workspaces.");
  });
});

describe("missingReason", () => {
  it("is empty when everything needed is held, else the first missing permission's reason", () => {
    expect(missingReason(new Set(["clone:Workspace", "create:Workspace"]), ["clone:Workspace", "create:Workspace"])).toBe("");
    expect(missingReason(["clone:Workspace"], ["clone:Workspace", "create:Workspace"])).toBe(permissionReason("create:Workspace"));
  });
});
