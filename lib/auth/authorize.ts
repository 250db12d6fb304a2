// Every permission check in the product runs here, for the API, the console and the CLI alike.
// Resources the caller cannot see are NOT_FOUND (the API never confirms foreign ids exist);
// PERMISSION_DENIED is only for what the caller can see but not change.

import "server-only";
import { db, queryRows } from "../db";
import { Prisma } from "../generated/prisma/client";
import { ApiError, notFound, permissionDenied, workspaceNotWritable } from "../api/errors";
import type { RequestContext } from "./context";
import {
  ORG_ADMIN,
  ORG_MEMBER,
  isReadPermission,
  isWorkspacePermission,
  permissionsOf,
  type Permission,
  type WorkspacePermission,
} from "./permissions";
import type { WorkspaceState } from "../generated/prisma/enums";

export interface OrgAccess {
  organizationId: string;
  orgRoles: string[];
  isOrgAdmin: boolean;
  /** Organization-level permissions (for an org admin: every permission). */
  permissions: Set<Permission>;
}

export interface WorkspaceAccess extends OrgAccess {
  workspaceId: string;
  workspaceState: WorkspaceState;
  workspaceRoles: string[];
}

export interface AuthorizeTarget {
  organizationId: string;
  workspaceId?: string;
  /** Soft-deleted workspaces are invisible except to the operations that restore or list them. */
  includeDeleted?: boolean;
  /** A soft-deleted organization is invisible to everything but its restore (owner only, checked there). */
  includeDeletedOrganization?: boolean;
}

const orgName = (id: string) => `organizations/${id}`;
const wsName = (orgId: string, wsId: string) => `organizations/${orgId}/workspaces/${wsId}`;

function organizationNotFound(id: string): ApiError {
  return notFound("Organization", orgName(id), { organization_id: id });
}

function workspaceNotFound(orgId: string, wsId: string): ApiError {
  return notFound("Workspace", wsName(orgId, wsId), { workspace_id: wsId });
}

export interface AccessRow {
  orgRoles: string[] | null;
  membersCanCreateWorkspaces: boolean | null;
  workspaceState: WorkspaceState | null;
  workspaceRoles: string[] | null;
  isMember: boolean | null;
  organizationDeleted: boolean;
}

function orgAccessOf(organizationId: string, row: AccessRow): OrgAccess {
  const orgRoles = row.orgRoles ?? [];
  const isOrgAdmin = orgRoles.includes(ORG_ADMIN);
  const permissions = permissionsOf(orgRoles.length ? orgRoles : [ORG_MEMBER]);
  if (!isOrgAdmin && row.membersCanCreateWorkspaces === false) permissions.delete("create:Workspace");
  return { organizationId, orgRoles, isOrgAdmin, permissions };
}

/** The organization (and workspace) whose access a request reads. */
export interface AccessTarget {
  organizationId: string;
  workspace?: { workspaceId: string; includeDeleted: boolean };
}

/**
 * The caller's membership of the organization with the organization's workspace-creation rule
 * and, when `workspace` is given, the workspace's state and the caller's roles in it: one
 * statement. No row: the user is not a member (NOT_FOUND for the organization). `userId` is a
 * value, or a column of an enclosing statement: authentication reads a token and this row in one
 * statement (lib/auth/authenticate).
 */
export function accessRowQuery({ organizationId, workspace }: AccessTarget, userId: string | Prisma.Sql): Prisma.Sql {
  return workspace
    ? Prisma.sql`
        SELECT m.roles AS "orgRoles", p.members_can_create_workspaces AS "membersCanCreateWorkspaces",
               w.state::text AS "workspaceState", wm.roles AS "workspaceRoles",
               wm.user_id IS NOT NULL AS "isMember", o.delete_time IS NOT NULL AS "organizationDeleted"
          FROM organization_members m
          JOIN organizations o ON o.id = m.organization_id
          LEFT JOIN organization_preferences p ON p.organization_id = m.organization_id
          LEFT JOIN workspaces w ON w.id = ${workspace.workspaceId} AND w.organization_id = m.organization_id
                                AND (${workspace.includeDeleted}::boolean OR w.delete_time IS NULL)
          LEFT JOIN workspace_members wm ON wm.workspace_id = w.id AND wm.user_id = m.user_id
         WHERE m.organization_id = ${organizationId} AND m.user_id = ${userId}`
    : Prisma.sql`
        SELECT m.roles AS "orgRoles", p.members_can_create_workspaces AS "membersCanCreateWorkspaces",
               NULL::text AS "workspaceState", NULL::text[] AS "workspaceRoles", NULL::boolean AS "isMember",
               o.delete_time IS NOT NULL AS "organizationDeleted"
          FROM organization_members m
          JOIN organizations o ON o.id = m.organization_id
          LEFT JOIN organization_preferences p ON p.organization_id = m.organization_id
         WHERE m.organization_id = ${organizationId} AND m.user_id = ${userId}`;
}

/**
 * The access row read with the caller, when it is the one asked for now; taken once, so any
 * later authorization in the same request (after a change it made) reads the database again.
 */
function takePrefetched(ctx: RequestContext, target: AccessTarget): { row: AccessRow | undefined } | undefined {
  const prefetched = ctx.prefetchedAccess;
  if (!prefetched) return undefined;
  ctx.prefetchedAccess = undefined;
  const { target: read } = prefetched;
  const same =
    read.organizationId === target.organizationId &&
    read.workspace?.workspaceId === target.workspace?.workspaceId &&
    read.workspace?.includeDeleted === target.workspace?.includeDeleted;
  return same ? { row: prefetched.row as AccessRow | undefined } : undefined;
}

async function loadAccessRow(ctx: RequestContext, target: AccessTarget): Promise<AccessRow | undefined> {
  const prefetched = takePrefetched(ctx, target);
  if (prefetched) return prefetched.row;
  return (await queryRows<AccessRow>(accessRowQuery(target, ctx.caller.userId)))[0];
}

/**
 * The organization as the caller sees it, or NOT_FOUND. A soft-deleted organization is NOT_FOUND
 * for every caller and everything in it, unless `includeDeleted` (its restore) asks otherwise.
 */
export async function loadOrgAccess(ctx: RequestContext, organizationId: string, options: { includeDeleted?: boolean } = {}): Promise<OrgAccess> {
  const token = ctx.caller.token;
  if (token?.organizationId && token.organizationId !== organizationId) throw organizationNotFound(organizationId);
  const row = await loadAccessRow(ctx, { organizationId });
  if (!row || (row.organizationDeleted && !options.includeDeleted)) throw organizationNotFound(organizationId);
  return orgAccessOf(organizationId, row);
}

/** Loads the workspace as the caller sees it (org admin or direct member), or NOT_FOUND. */
export async function loadWorkspaceAccess(ctx: RequestContext, target: AuthorizeTarget & { workspaceId: string }): Promise<WorkspaceAccess> {
  const { organizationId, workspaceId } = target;
  const token = ctx.caller.token;
  if (token?.organizationId && token.organizationId !== organizationId) throw organizationNotFound(organizationId);
  const row = await loadAccessRow(ctx, { organizationId, workspace: { workspaceId, includeDeleted: Boolean(target.includeDeleted) } });
  if (!row || row.organizationDeleted) throw organizationNotFound(organizationId);
  const org = orgAccessOf(organizationId, row);
  if (token && token.workspaceIds.length > 0 && !token.workspaceIds.includes(workspaceId)) {
    throw workspaceNotFound(organizationId, workspaceId);
  }
  const workspaceRoles = row.workspaceRoles ?? [];
  if (!row.workspaceState || (!org.isOrgAdmin && !row.isMember)) throw workspaceNotFound(organizationId, workspaceId);

  const customIds = workspaceRoles.filter((r) => r.startsWith("role_"));
  const prisma = await db();
  const custom = customIds.length
    ? await prisma.role.findMany({ where: { workspaceId, id: { in: customIds } }, select: { id: true, permissions: true } })
    : [];
  const customMap = new Map(custom.map((r) => [r.id, r.permissions]));
  const permissions = new Set<Permission>(org.permissions);
  for (const p of permissionsOf(workspaceRoles, (id) => customMap.get(id))) permissions.add(p);
  return { ...org, permissions, workspaceId, workspaceState: row.workspaceState, workspaceRoles };
}

function checkTokenLimits(ctx: RequestContext, permission: Permission, resource: string): void {
  const token = ctx.caller.token;
  if (!token) return;
  if (token.access === "READ_ONLY" && !isReadPermission(permission)) {
    throw new ApiError("PERMISSION_DENIED", `The access token is read-only and cannot use '${permission}' on ${resource}.`, {
      reason: "TOKEN_READ_ONLY",
      metadata: { permission, resource },
    });
  }
  // A token limited to some workspaces cannot act on the organization as a whole.
  if (token.workspaceIds.length > 0 && !isWorkspacePermission(permission) && !isReadPermission(permission)) {
    throw new ApiError("PERMISSION_DENIED", `The access token is limited to some workspaces and cannot use '${permission}'.`, {
      reason: "TOKEN_SCOPE",
      metadata: { permission, resource },
    });
  }
}

// Changes a DISABLED workspace still accepts: leaving that state, and copying it elsewhere.
const ALLOWED_WHILE_DISABLED = new Set<Permission>(["manage:WorkspaceState", "clone:Workspace"]);

/** A DISABLED workspace is read-only until enabled; a TERMINATED one forever. */
function checkWorkspaceWritable(access: WorkspaceAccess, permission: Permission): void {
  if (isReadPermission(permission)) return;
  if (access.workspaceState === "TERMINATED" && permission !== "clone:Workspace") {
    throw workspaceNotWritable(access.organizationId, access.workspaceId, "TERMINATED");
  }
  if (access.workspaceState === "DISABLED" && !ALLOWED_WHILE_DISABLED.has(permission)) {
    throw workspaceNotWritable(access.organizationId, access.workspaceId, "DISABLED");
  }
}

export async function authorize(
  ctx: RequestContext,
  permission: WorkspacePermission,
  target: AuthorizeTarget & { workspaceId: string },
): Promise<WorkspaceAccess>;
export async function authorize(ctx: RequestContext, permission: Permission, target: AuthorizeTarget): Promise<OrgAccess>;
export async function authorize(ctx: RequestContext, permission: Permission, target: AuthorizeTarget): Promise<OrgAccess | WorkspaceAccess> {
  const access = target.workspaceId
    ? await loadWorkspaceAccess(ctx, { ...target, workspaceId: target.workspaceId })
    : await loadOrgAccess(ctx, target.organizationId, { includeDeleted: target.includeDeletedOrganization });
  const resource = target.workspaceId ? wsName(target.organizationId, target.workspaceId) : orgName(target.organizationId);
  if (!access.permissions.has(permission)) throw permissionDenied(permission, resource);
  checkTokenLimits(ctx, permission, resource);
  if ("workspaceState" in access) checkWorkspaceWritable(access as WorkspaceAccess, permission);
  return access;
}

/**
 * A change to the caller's own membership that no catalog permission governs (leaving a
 * workspace): the workspace must be visible to the caller, and the change still obeys the token's
 * limits and the workspace's read-only states like any other.
 */
export async function authorizeSelfService(ctx: RequestContext, target: AuthorizeTarget & { workspaceId: string }): Promise<WorkspaceAccess> {
  const access = await loadWorkspaceAccess(ctx, target);
  const resource = wsName(target.organizationId, target.workspaceId);
  checkTokenLimits(ctx, "delete:Member", resource);
  checkWorkspaceWritable(access, "delete:Member");
  return access;
}

/**
 * Changes to the caller's own account rather than to a resource of an organization: creating an
 * organization, managing personal access tokens. No catalog permission governs them (every
 * signed-in user may), but a token still carries its limits here: a READ_ONLY token changes
 * nothing, a token limited to one organization or to workspaces cannot create organizations, and
 * no token can mint another (that would let a narrow token widen itself). Accepting or declining
 * an invitation changes which organizations the account belongs to: the same limits apply.
 */
export type AccountAction =
  | "create:Organization"
  | "create:AccessToken"
  | "update:AccessToken"
  | "delete:AccessToken"
  | "accept:Invitation"
  | "decline:Invitation";

export function authorizeAccount(ctx: RequestContext, action: AccountAction): void {
  const token = ctx.caller.token;
  if (!token) return;
  if (action === "create:AccessToken") {
    throw new ApiError("PERMISSION_DENIED", "Access tokens cannot create other access tokens; sign in to the console.", {
      reason: "TOKEN_CANNOT_MINT",
    });
  }
  if (token.access === "READ_ONLY") {
    throw new ApiError("PERMISSION_DENIED", `The access token is read-only and cannot use '${action}'.`, {
      reason: "TOKEN_READ_ONLY",
      metadata: { permission: action },
    });
  }
  if (token.workspaceIds.length > 0) {
    throw new ApiError("PERMISSION_DENIED", `The access token is limited to some workspaces and cannot use '${action}'.`, {
      reason: "TOKEN_SCOPE",
      metadata: { permission: action },
    });
  }
  if (action === "create:Organization" && token.organizationId) {
    throw new ApiError("PERMISSION_DENIED", `The access token is limited to organizations/${token.organizationId} and cannot create organizations.`, {
      reason: "TOKEN_SCOPE",
      metadata: { permission: action, organization_id: token.organizationId },
    });
  }
}
