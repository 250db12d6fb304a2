// The permission catalog and the built-in role table (API.md §5). Data only, no server imports:
// the server enforces with it and the console imports it to hide what a user cannot do.

export const WORKSPACE_PERMISSIONS = {
  "read:Workspace": "See the workspace, its settings and its state.",
  "update:Workspace": "Change the workspace's title, description, icon, color and domain.",
  "delete:Workspace": "Delete the workspace and restore it before it is purged.",
  "clone:Workspace": "Make a copy of the workspace.",
  "manage:WorkspaceState": "Disable, enable or terminate the workspace.",
  "read:Member": "See the workspace's members and their roles.",
  "create:Member": "Add organization members to the workspace.",
  "update:Member": "Change the roles of the workspace's members.",
  "delete:Member": "Remove members from the workspace.",
  "read:Role": "See the workspace's roles and their permissions.",
  "create:Role": "Create custom roles in the workspace.",
  "update:Role": "Change custom roles of the workspace.",
  "delete:Role": "Delete custom roles of the workspace.",
  "read:Invitation": "See the workspace's invitations.",
  "create:Invitation": "Invite people to the workspace and resend invitations.",
  "delete:Invitation": "Revoke invitations to the workspace.",
  "read:Preferences": "See the workspace's preferences.",
  "update:Preferences": "Change the workspace's preferences.",
  "read:Credential": "See the workspace's OAuth credentials (secrets stay masked).",
  "create:Credential": "Add OAuth credentials to the workspace.",
  "delete:Credential": "Delete OAuth credentials of the workspace.",
  "read:AuditLog": "Read the workspace's audit log.",
} as const;

export const ORGANIZATION_PERMISSIONS = {
  "read:Organization": "See the organization and its members.",
  "update:Organization": "Change the organization's title, logo and default preferences.",
  "create:Workspace": "Create workspaces in the organization.",
  "manage:OrganizationMember": "Add and remove organization members and change their organization roles.",
} as const;

export type WorkspacePermission = keyof typeof WORKSPACE_PERMISSIONS;
export type OrganizationPermission = keyof typeof ORGANIZATION_PERMISSIONS;
export type Permission = WorkspacePermission | OrganizationPermission;

export const PERMISSION_CATALOG: Record<Permission, string> = { ...WORKSPACE_PERMISSIONS, ...ORGANIZATION_PERMISSIONS };

export const ALL_WORKSPACE_PERMISSIONS = Object.keys(WORKSPACE_PERMISSIONS) as WorkspacePermission[];
export const ALL_ORGANIZATION_PERMISSIONS = Object.keys(ORGANIZATION_PERMISSIONS) as OrganizationPermission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSION_CATALOG, value);
}

export function isWorkspacePermission(value: string): value is WorkspacePermission {
  return Object.hasOwn(WORKSPACE_PERMISSIONS, value);
}

export function isReadPermission(p: Permission): boolean {
  return p.startsWith("read:");
}

export type RoleScope = "ROLE_SCOPE_ORGANIZATION" | "ROLE_SCOPE_WORKSPACE";

export interface BuiltInRole {
  id: string;
  title: string;
  description: string;
  scope: RoleScope;
  permissions: readonly Permission[];
}

const readWorkspace = ALL_WORKSPACE_PERMISSIONS.filter(
  (p) => isReadPermission(p) && p !== "read:Credential" && p !== "read:AuditLog",
);

export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    id: "org-admin",
    title: "Organization Admin",
    description: "Everything in the organization and in every workspace of it.",
    scope: "ROLE_SCOPE_ORGANIZATION",
    permissions: [...ALL_ORGANIZATION_PERMISSIONS, ...ALL_WORKSPACE_PERMISSIONS],
  },
  {
    id: "org-member",
    title: "Organization Member",
    description: "Sees the organization and may create workspaces (unless the organization turns that off).",
    scope: "ROLE_SCOPE_ORGANIZATION",
    permissions: ["read:Organization", "create:Workspace"],
  },
  {
    id: "workspace-admin",
    title: "Workspace Admin",
    description: "Every permission in the workspace.",
    scope: "ROLE_SCOPE_WORKSPACE",
    permissions: [...ALL_WORKSPACE_PERMISSIONS],
  },
  {
    id: "workspace-editor",
    title: "Workspace Editor",
    description: "Reads everything, edits the workspace and its preferences, invites people.",
    scope: "ROLE_SCOPE_WORKSPACE",
    permissions: [
      ...ALL_WORKSPACE_PERMISSIONS.filter(isReadPermission),
      "update:Workspace",
      "update:Preferences",
      "create:Invitation",
    ],
  },
  {
    id: "workspace-viewer",
    title: "Workspace Viewer",
    description: "Reads the workspace, except its credentials and audit log.",
    scope: "ROLE_SCOPE_WORKSPACE",
    permissions: readWorkspace,
  },
];

export const ORG_ADMIN = "org-admin";
export const ORG_MEMBER = "org-member";
export const WORKSPACE_ADMIN = "workspace-admin";

export function builtInRole(id: string): BuiltInRole | undefined {
  return BUILT_IN_ROLES.find((r) => r.id === id);
}

export const BUILT_IN_WORKSPACE_ROLES = BUILT_IN_ROLES.filter((r) => r.scope === "ROLE_SCOPE_WORKSPACE");
export const BUILT_IN_ORGANIZATION_ROLES = BUILT_IN_ROLES.filter((r) => r.scope === "ROLE_SCOPE_ORGANIZATION");

/**
 * The permissions granted by a set of role ids. `custom` resolves custom role ids
 * (workspace roles stored in the database); unknown ids grant nothing (fail closed).
 */
export function permissionsOf(
  roleIds: readonly string[],
  custom: (id: string) => readonly string[] | undefined = () => undefined,
): Set<Permission> {
  const out = new Set<Permission>();
  for (const id of roleIds) {
    const perms = builtInRole(id)?.permissions ?? custom(id) ?? [];
    for (const p of perms) if (isPermission(p)) out.add(p);
  }
  return out;
}
