// Why a control is unavailable, in words a user reads ("Only workspace admins can add members."),
// derived from the built-in role table so the sentence names the roles that really hold the
// permission. Client-safe.

import { BUILT_IN_ROLES, ORGANIZATION_PERMISSIONS, ORG_ADMIN, type Permission } from "@/lib/auth/permissions";

const ACTIONS: Record<Permission, string> = {
  "read:Workspace": "see this workspace",
  "update:Workspace": "change this workspace's details",
  "delete:Workspace": "delete or restore this workspace",
  "clone:Workspace": "clone this workspace",
  "manage:WorkspaceState": "disable or enable this workspace",
  "read:Member": "see this workspace's members",
  "create:Member": "add members",
  "update:Member": "change members' roles",
  "delete:Member": "remove members",
  "read:Role": "see this workspace's roles",
  "create:Role": "create roles",
  "update:Role": "edit roles",
  "delete:Role": "delete roles",
  "read:Invitation": "see invitations",
  "create:Invitation": "invite people",
  "delete:Invitation": "revoke invitations",
  "read:Preferences": "see preferences",
  "update:Preferences": "change preferences",
  "read:Credential": "see credentials",
  "create:Credential": "add credentials",
  "delete:Credential": "delete credentials",
  "read:AuditLog": "read the activity log",
  "read:Organization": "see this organization",
  "update:Organization": "change the organization's details",
  "create:Workspace": "create workspaces",
  "manage:OrganizationMember": "manage organization members",
};

/** "workspace admins", "workspace admins and editors", "organization admins". */
function holdersOf(permission: Permission): string {
  // An organization may take create:Workspace from its members: whoever lacks an organization
  // permission can count only on an organization admin.
  if (Object.hasOwn(ORGANIZATION_PERMISSIONS, permission)) return "organization admins";
  const roles = BUILT_IN_ROLES.filter((r) => r.permissions.includes(permission));
  // Organization admins hold everything; name them only when nobody else does.
  const named = roles.length > 1 ? roles.filter((r) => r.id !== ORG_ADMIN) : roles;
  const words = named.map((r) => r.title.toLowerCase());
  const prefix = words.every((w) => w.startsWith("workspace ")) ? "workspace " : words.every((w) => w.startsWith("organization ")) ? "organization " : "";
  const nouns = words.map((w) => `${w.slice(prefix.length)}s`);
  const list = nouns.length <= 2 ? nouns.join(" and ") : `${nouns.slice(0, -1).join(", ")} and ${nouns.at(-1)}`;
  return `${prefix}${list}`;
}

/** The sentence for a missing permission, e.g. "Only workspace admins can add members." */
export function permissionReason(permission: Permission): string {
  return `Only ${holdersOf(permission)} can ${ACTIONS[permission]}.`;
}
