import "server-only";
import { db } from "../../db";
import { looksLikeId } from "../../ids";
import { ApiError } from "../../api/errors";
import { authorizeAccount } from "../../auth/authorize";
import type { RequestContext } from "../../auth/context";
import { BUILT_IN_WORKSPACE_ROLES, ORG_MEMBER, builtInRole } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../../prisma-client";
import { normalizeEmail } from "../../schemas/common";
import type { AcceptInvitationOutput, InvitationAcceptInput } from "../../schemas/invitations";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { workspaceName } from "../members/membership-guard";
import { hashInvitationToken } from "./insert-invitation";
import {
  emailNotVerified,
  invitationLinkInvalid,
  invitationNotPending,
  invitationWorkspaceNotActive,
  invitationWrongAccount,
  myInvitationNotFound,
} from "./invitation-errors";
import { effectiveState, invitationName, invitationSelect, toInvitationOutput, type InvitationRow } from "./invitation-output";
import type { LockedInvitation } from "./lock-invitation";

/** Roles of the invitation that still exist (a custom role may have been deleted since). */
async function surviving(tx: Tx, workspaceId: string | null, roles: string[]): Promise<string[]> {
  if (!workspaceId) return roles.filter((r) => builtInRole(r)?.scope === "ROLE_SCOPE_ORGANIZATION");
  const custom = roles.filter((r) => !builtInRole(r));
  const found = custom.length ? await tx.role.findMany({ where: { workspaceId, id: { in: custom } }, select: { id: true } }) : [];
  return roles.filter((r) => BUILT_IN_WORKSPACE_ROLES.some((b) => b.id === r) || found.some((f) => f.id === r));
}

/** Where an accept starts from: the invitation the token (or the caller's own list) pointed at. */
interface AcceptTarget {
  id: string;
  organizationId: string;
  workspaceId: string | null;
  /** Accepting by link: the lock re-checks the token, so a resend in between kills this one. */
  tokenHash?: string;
  /** The address the invitation must be for: the caller's. */
  email: string;
}

/**
 * The accept itself, inside the caller's transaction: locks, every refusal (used, revoked,
 * declined, expired, another account, workspace not active, roles gone), the memberships and the
 * audit entry. Both ways in (the link's token, the invitee's own list) go through here.
 *
 * Concurrent accepts of one invitation queue on the workspace row lock and then the invitation's;
 * the first commits ACCEPTED and the others find it used.
 */
async function acceptLocked(tx: Tx, ctx: RequestContext, target: AcceptTarget): Promise<AcceptInvitationOutput> {
  const { organizationId, workspaceId } = target;
  // Lock order as every membership change: organization, then workspace, then the invitation.
  const [org] = await tx.$queryRaw<{ deleted: boolean }[]>(
    Prisma.sql`SELECT delete_time IS NOT NULL AS deleted FROM organizations WHERE id = ${organizationId} FOR SHARE`,
  );
  // A deleted organization's invitations are dead, as if they never existed.
  if (!org || org.deleted) throw target.tokenHash ? invitationLinkInvalid() : myInvitationNotFound(target.id);
  const ws = workspaceId
    ? (
        await tx.$queryRaw<{ state: string; deleted: boolean }[]>(Prisma.sql`
          SELECT state::text AS state, delete_time IS NOT NULL AS deleted FROM workspaces
           WHERE id = ${workspaceId} AND organization_id = ${organizationId} FOR NO KEY UPDATE`)
      )[0]
    : undefined;
  const sameToken = target.tokenHash ? Prisma.sql`AND token_hash = ${target.tokenHash}` : Prisma.empty;
  const [inv] = await tx.$queryRaw<LockedInvitation[]>(Prisma.sql`
    SELECT id, organization_id, workspace_id, email, roles, state::text AS state, expire_time
      FROM invitations WHERE id = ${target.id} AND organization_id = ${organizationId} ${sameToken} FOR UPDATE`);
  // A resend between the lookup and the lock replaced the token: the link is dead.
  if (!inv) throw target.tokenHash ? invitationLinkInvalid() : myInvitationNotFound(target.id);
  const state = effectiveState({ state: inv.state, expireTime: inv.expire_time });
  if (state !== "PENDING") throw invitationNotPending(state, inv.id);
  if (normalizeEmail(inv.email) !== normalizeEmail(target.email)) throw invitationWrongAccount(inv.id);
  if (workspaceId && (!ws || ws.deleted || ws.state !== "ACTIVE")) throw invitationWorkspaceNotActive(inv.id, !ws || ws.deleted ? "DELETED" : ws.state);

  const userId = ctx.caller.userId;
  const now = new Date();
  const roles = await surviving(tx, workspaceId, inv.roles);
  if (workspaceId && roles.length === 0) {
    throw new ApiError("FAILED_PRECONDITION", "The roles of this invitation no longer exist in the workspace; ask for a new invitation.", {
      reason: "INVITATION_ROLES_GONE",
      metadata: { invitation_id: inv.id },
    });
  }

  const orgMember = await tx.organizationMember.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { roles: true } });
  if (!orgMember) {
    await tx.organizationMember.create({ data: { organizationId, userId, roles: workspaceId ? [ORG_MEMBER] : roles.length ? roles : [ORG_MEMBER] } });
  }
  let workspaceRoles: string[] = [];
  if (workspaceId) {
    const member = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { roles: true } });
    workspaceRoles = [...new Set([...(member?.roles ?? []), ...roles])];
    if (member) await tx.workspaceMember.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { roles: workspaceRoles } });
    else await tx.workspaceMember.create({ data: { workspaceId, userId, roles: workspaceRoles } });
  }
  // The token proves the address; accepting from the own list requires it verified already.
  await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  const row = (await tx.invitation.update({
    where: { id: inv.id },
    data: { state: "ACCEPTED", acceptTime: now, acceptedById: userId },
    select: invitationSelect,
  })) as InvitationRow;

  await writeAuditEntry(tx, ctx, {
    organizationId,
    workspaceId,
    action: "invitation.accept",
    resource: invitationName(organizationId, workspaceId, inv.id),
    changes: {
      email: inv.email,
      user_id: userId,
      ...(orgMember ? {} : { organization_membership: "created" }),
      ...(workspaceId ? { member: `${workspaceName(organizationId, workspaceId)}/users/${userId}`, roles: workspaceRoles } : {}),
    },
  });
  return { invitation: toInvitationOutput(row, now), organization_id: organizationId, workspace_id: workspaceId ?? "" };
}

const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

/**
 * POST /invitations:accept {token}: the signed-in user whose email the invitation was sent to
 * joins the organization (if not yet a member) and the workspace with the invited roles, in one
 * transaction. The token proves the address, so the email is marked verified. Every refusal is
 * a FAILED_PRECONDITION naming the rule (used, revoked, declined, expired, another account,
 * workspace not active) and changes nothing.
 */
export async function acceptInvitation(ctx: RequestContext, input: InvitationAcceptInput): Promise<AcceptInvitationOutput> {
  authorizeAccount(ctx, "accept:Invitation");
  const tokenHash = hashInvitationToken(input.token);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({ where: { tokenHash }, select: { id: true, organizationId: true, workspaceId: true } });
    if (!found) throw invitationLinkInvalid();
    return acceptLocked(tx, ctx, { ...found, tokenHash, email: ctx.caller.email });
  }, TX_OPTIONS);
}

/**
 * POST /me/invitations/{id}:accept: the invitee accepts from their own list, with no link. Nothing
 * proves the address here but the account itself, so its email must be verified already and be
 * the invitation's (case-insensitively); an invitation addressed to anyone else is NOT_FOUND, as
 * it is absent from the caller's list. Then the same rules and refusals as accepting by link.
 */
export async function acceptMyInvitation(ctx: RequestContext, invitationId: string): Promise<AcceptInvitationOutput> {
  authorizeAccount(ctx, "accept:Invitation");
  if (!looksLikeId(invitationId, "inv")) throw myInvitationNotFound(invitationId);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // The stored account, not the session's copy: the address and its verification as they are now.
    const user = await tx.user.findUnique({ where: { id: ctx.caller.userId }, select: { email: true, emailVerifiedAt: true } });
    if (!user) throw myInvitationNotFound(invitationId);
    const email = normalizeEmail(user.email);
    const found = await tx.invitation.findFirst({
      where: { id: invitationId, email, organization: { deleteTime: null } },
      select: { id: true, organizationId: true, workspaceId: true },
    });
    if (!found) throw myInvitationNotFound(invitationId);
    if (!user.emailVerifiedAt) throw emailNotVerified(invitationId);
    return acceptLocked(tx, ctx, { ...found, email });
  }, TX_OPTIONS);
}
