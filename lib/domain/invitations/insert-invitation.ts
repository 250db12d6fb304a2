// Writes invitations and their mails inside the caller's transaction. The token exists only in
// the mail's link: the row keeps a SHA-256 of it (a fast hash suffices for 256 random bits).
// The rest of the invitation lifecycle (list, resend, revoke, accept) is its own feature.

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { newId } from "../../ids";
import type { RequestContext } from "../../auth/context";
import type { Tx } from "../../prisma-client";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvitation {
  organizationId: string;
  workspaceId: string | null;
  /** Normalised (trimmed, lower-cased). */
  email: string;
  roles: string[];
  /** For the mail's wording. */
  organizationTitle: string;
  workspaceTitle?: string;
}

export interface InsertedInvitation {
  id: string;
  email: string;
  expireTime: Date;
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function appUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}

export function invitationLink(token: string): string {
  return `${appUrl()}/invite/${token}`;
}

function mailFor(invitation: NewInvitation, inviter: RequestContext["caller"], link: string, expireTime: Date) {
  const target = invitation.workspaceTitle
    ? `the workspace "${invitation.workspaceTitle}" of ${invitation.organizationTitle}`
    : `the organization ${invitation.organizationTitle}`;
  return {
    subject: `${inviter.displayName} invited you to ${invitation.workspaceTitle ?? invitation.organizationTitle}`,
    text: [
      `${inviter.displayName} (${inviter.email}) invited you to ${target}.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works once and expires on ${expireTime.toISOString()}.`,
    ].join("\n"),
  };
}

/** Inserts PENDING invitations (7 days) and one outbox mail each; two statements whatever the count. */
export async function insertInvitations(tx: Tx, ctx: RequestContext, invitations: NewInvitation[]): Promise<InsertedInvitation[]> {
  if (invitations.length === 0) return [];
  const now = Date.now();
  const expireTime = new Date(now + INVITATION_TTL_MS);
  const rows = invitations.map((inv) => {
    const token = randomBytes(32).toString("base64url");
    return { inv, id: newId("inv"), tokenHash: hashInvitationToken(token), link: invitationLink(token) };
  });
  await tx.invitation.createMany({
    data: rows.map(({ inv, id, tokenHash }) => ({
      id,
      organizationId: inv.organizationId,
      workspaceId: inv.workspaceId,
      email: inv.email,
      roles: inv.roles,
      state: "PENDING" as const,
      tokenHash,
      inviterId: ctx.caller.userId,
      expireTime,
    })),
  });
  await tx.outboxMail.createMany({
    data: rows.map(({ inv, link }) => ({ id: newId("mail"), to: inv.email, ...mailFor(inv, ctx.caller, link, expireTime) })),
  });
  return rows.map(({ inv, id }) => ({ id, email: inv.email, expireTime }));
}

export async function insertInvitation(tx: Tx, ctx: RequestContext, invitation: NewInvitation): Promise<InsertedInvitation> {
  const [inserted] = await insertInvitations(tx, ctx, [invitation]);
  return inserted;
}
